package org.glowzip.model.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.glowzip.codec.context.NeighbourhoodFeatures;
import org.glowzip.codec.image.Canvas;
import org.glowzip.model.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ContextSamplesTest {
    @Test
    void examplesAreTheCodecsFeaturesAndValuesOfPlanarSamples() {
        int channels = 3;
        int height = 5;
        int width = 4;
        int radius = 2;
        byte[] pixels = new byte[2 * channels * height * width];
        new Random(4).nextBytes(pixels);
        int[] labels = new int[2];
        Arrays.fill(labels, -1);
        ImageSet set = new ImageSet(channels, height, width, pixels, labels);
        NeighbourhoodFeatures neighbourhood = new NeighbourhoodFeatures(radius, channels);
        ContextSamples samples = new ContextSamples(set, 10, neighbourhood, height, width);
        assertEquals(2, samples.images());
        assertEquals(pixels.length, samples.count());
        int[] codes = {0, 7, 19, 20, 33, 59, 60, 61, 119};
        int[] targets = new int[codes.length];
        INDArray features = samples.examples(codes, 0, codes.length, targets, DataType.FLOAT);
        float[] expected = new float[neighbourhood.count()];
        for (int b = 0; b < codes.length; b++) {
            int image = codes[b] / 60;
            int p = codes[b] % 60;
            int c = p / 20;
            int y = p % 20 / width;
            int x = p % width;
            neighbourhood.features(Canvas.of(set.samples(image), channels, height, width), c, y, x, expected);
            assertArrayEquals(expected, features.getRow(b).toFloatVector(), "code " + codes[b]);
            assertEquals(pixels[codes[b]] & 0xFF, targets[b], "code " + codes[b]);
        }
    }
}
