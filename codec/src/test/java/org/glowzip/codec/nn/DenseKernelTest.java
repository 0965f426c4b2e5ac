package org.glowzip.codec.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Both {@link DenseKernel}s compute the documented sums, bit for bit. */
class DenseKernelTest {
    /**
     * Every shape, with partial panels, partial row tiles and more rows than a row block; a share
     * of special values in inputs, weights and biases from none to one in ten. NaN outputs compare
     * equal whatever their payload ({@link Float#floatToIntBits}).
     */
    @Property(tries = 1000)
    void bothKernelsComputeTheDocumentedSums(@ForAll @IntRange(min = 1, max = 70) int inputs,
            @ForAll @IntRange(min = 1, max = 70) int outputs, @ForAll @IntRange(min = 0, max = 70) int rows,
            @ForAll boolean relu, @ForAll @IntRange(min = 0, max = 100) int specialPerMille, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] weight = SpecialFloats.mixed(random, outputs * inputs, specialPerMille, SpecialFloats.VALUES);
        float[] bias = SpecialFloats.mixed(random, outputs, specialPerMille, SpecialFloats.VALUES);
        float[] in = SpecialFloats.mixed(random, rows * inputs, specialPerMille, SpecialFloats.VALUES);
        float[] expected = documented(in, rows, inputs, weight, bias, relu);
        float[] panels = DenseKernel.panels(weight, inputs, outputs);
        for (DenseKernel kernel : DenseKernel.values()) {
            float[] out = new float[rows * outputs];
            kernel.apply(in, rows, inputs, panels, bias, relu, out);
            assertArrayEquals(SpecialFloats.intBits(expected), SpecialFloats.intBits(out), kernel.name());
        }
    }

    /** The shapes of a context model, with enough rows for several row blocks and a partial tile. */
    @Test
    void contextModelShapesAreExact() {
        int[][] shapes = {{27, 128}, {128, 128}, {128, 256}, {41, 96}, {80, 32}};
        for (int[] shape : shapes) {
            for (int rows : new int[] {1, 8, 16, 203}) {
                SplittableRandom random = new SplittableRandom(rows * 1000L + shape[0]);
                float[] weight = SpecialFloats.mixed(random, shape[0] * shape[1], 0, SpecialFloats.VALUES);
                float[] bias = SpecialFloats.mixed(random, shape[1], 0, SpecialFloats.VALUES);
                float[] in = SpecialFloats.mixed(random, rows * shape[0], 0, SpecialFloats.VALUES);
                float[] expected = documented(in, rows, shape[0], weight, bias, true);
                for (DenseKernel kernel : DenseKernel.values()) {
                    float[] out = new float[rows * shape[1]];
                    kernel.apply(in, rows, shape[0], DenseKernel.panels(weight, shape[0], shape[1]), bias, true, out);
                    assertArrayEquals(SpecialFloats.intBits(expected), SpecialFloats.intBits(out), kernel + " " + rows + " x " + Arrays.toString(shape));
                }
            }
        }
    }

    @Test
    void outputsPastTheRowsAreLeftAlone() {
        float[] out = {7f, 7f, 7f, 7f, 7f};
        DenseKernel.VECTOR.apply(new float[] {1f, 2f}, 2, 1, new float[] {3f, 4f}, new float[] {0.5f, -10f}, true, out);
        assertArrayEquals(new float[] {3.5f, 0f, 6.5f, 0f, 7f}, out);
    }

    @Test
    void arraysThatDoNotFitTheShapeAreRefused() {
        float[] panels = DenseKernel.panels(new float[6], 3, 2);
        float[] bias = new float[2];
        assertThrows(IllegalArgumentException.class, () -> DenseKernel.panels(new float[5], 3, 2));
        assertThrows(IllegalArgumentException.class, () -> DenseKernel.SCALAR.apply(new float[5], 2, 3, panels, bias, false, new float[4]));
        assertThrows(IllegalArgumentException.class, () -> DenseKernel.VECTOR.apply(new float[6], 2, 3, panels, bias, false, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> DenseKernel.VECTOR.apply(new float[6], 2, 2, panels, bias, false, new float[4]));
        assertThrows(IllegalArgumentException.class, () -> DenseKernel.SCALAR.apply(new float[6], -1, 3, panels, bias, false, new float[4]));
    }

    /** Otherwise the properties above would silently run the scalar kernel twice. */
    @Test
    void testsRunWithTheVectorModule() {
        assertEquals(DenseKernel.VECTOR, DenseKernel.preferred(), "surefire's argLine must add jdk.incubator.vector");
    }

    /** The class comment's definition, as plainly as it reads. */
    private static float[] documented(float[] in, int rows, int inputs, float[] weight, float[] bias, boolean relu) {
        int outputs = bias.length;
        float[] out = new float[rows * outputs];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < outputs; o++) {
                float sum = 0f;
                for (int i = 0; i < inputs; i++) {
                    sum = sum + weight[o * inputs + i] * in[r * inputs + i];
                }
                float value = sum + bias[o];
                out[r * outputs + o] = relu && value < 0f ? 0f : value;
            }
        }
        return out;
    }
}
