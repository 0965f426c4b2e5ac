package org.glowzip.codec.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class Conv2dTest {

    /** The kernel equals a direct loop that sums in the documented order, bit for bit. */
    @Property(tries = 300)
    void matchesTheDocumentedSumOrderExactly(@ForAll @IntRange(min = 1, max = 9) int in, @ForAll @IntRange(min = 1, max = 11) int out,
            @ForAll @IntRange(min = 1, max = 9) int height, @ForAll @IntRange(min = 1, max = 9) int width,
            @ForAll boolean threeByThree, @ForAll long seed) {
        checkAgainstDirectLoop(in, out, height, width, threeByThree ? 3 : 1, seed);
    }

    /** Convolutions large enough to run on several threads, by output blocks and by pixel halves. */
    @Test
    void parallelConvolutionsAreExactToo() {
        checkAgainstDirectLoop(32, 6, 14, 14, 3, 1);
        checkAgainstDirectLoop(64, 64, 14, 14, 1, 2);
        checkAgainstDirectLoop(64, 9, 15, 13, 3, 3);
    }

    private static void checkAgainstDirectLoop(int in, int out, int height, int width, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] weights = randomFloats(random, out * in * k * k);
        float[] bias = randomFloats(random, out);
        FeatureMap input = new FeatureMap(in, height, width);
        for (int c = 0; c < in; c++) {
            float[] plane = input.plane(c);
            for (int i = 0; i < plane.length; i++) {
                plane[i] = (float) random.nextGaussian();
            }
        }
        FeatureMap output = new Conv2d(in, out, k, weights, bias).apply(input);
        assertEquals(out, output.channels());
        for (int o = 0; o < out; o++) {
            float[] expected = new float[height * width];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    float sum = bias[o];
                    for (int c = 0; c < in; c++) {
                        for (int dy = 0; dy < k; dy++) {
                            for (int dx = 0; dx < k; dx++) {
                                int yy = y + dy - k / 2;
                                int xx = x + dx - k / 2;
                                float v = yy < 0 || xx < 0 || yy >= height || xx >= width ? 0f : input.get(c, yy, xx);
                                sum += weights[((o * in + c) * k + dy) * k + dx] * v;
                            }
                        }
                    }
                    expected[y * width + x] = sum;
                }
            }
            assertArrayEquals(expected, output.plane(o), "output channel " + o);
        }
    }

    private static float[] randomFloats(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
