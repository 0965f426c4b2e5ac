package org.glowzip.codec.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.SplittableRandom;

/** Random {@link BufferedImage}s and the check that two hold the same type, colour model and samples. */
final class BufferedImages {
    private BufferedImages() {
    }

    /** {@code image} with random samples in every band: any value its band holds, a palette index below the palette's size. */
    static BufferedImage randomized(BufferedImage image, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        WritableRaster raster = image.getRaster();
        int[] sizes = raster.getSampleModel().getSampleSize();
        int[] row = new int[raster.getWidth()];
        for (int b = 0; b < raster.getNumBands(); b++) {
            int bound = image.getColorModel() instanceof IndexColorModel palette ? palette.getMapSize() : 1 << sizes[b];
            for (int y = 0; y < raster.getHeight(); y++) {
                for (int x = 0; x < row.length; x++) {
                    row[x] = random.nextInt(bound);
                }
                raster.setSamples(0, y, row.length, 1, b, row);
            }
        }
        return image;
    }

    /** Asserts that {@code actual} has {@code expected}'s type, colour model, size and samples, band by band. */
    static void assertSameImage(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getType(), actual.getType(), "BufferedImage type");
        assertEquals(expected.getColorModel(), actual.getColorModel(), "colour model");
        assertEquals(expected.getWidth(), actual.getWidth(), "width");
        assertEquals(expected.getHeight(), actual.getHeight(), "height");
        Raster want = expected.getRaster();
        Raster got = actual.getRaster();
        assertEquals(want.getNumBands(), got.getNumBands(), "bands");
        for (int b = 0; b < want.getNumBands(); b++) {
            assertArrayEquals(want.getSamples(0, 0, want.getWidth(), want.getHeight(), b, (int[]) null),
                    got.getSamples(0, 0, got.getWidth(), got.getHeight(), b, (int[]) null), "samples of band " + b);
        }
    }
}
