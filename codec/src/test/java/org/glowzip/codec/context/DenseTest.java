package org.glowzip.codec.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.glowzip.codec.modelfile.NamedTensor;
import org.glowzip.codec.nn.DenseKernel;

/** The batched layer gives every row the bits the single-row layer gives it, with either kernel. */
class DenseTest {
    /** Finite values whose arithmetic has its own rules: signed zeros, subnormals, overflow. */
    private static final float[] SPECIAL_WEIGHTS = {
        0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL / 3, -Float.MIN_NORMAL / 7,
        Float.MAX_VALUE, -Float.MAX_VALUE, 3e37f,
    };
    /** Inputs may be anything a previous layer or a caller produces. */
    private static final float[] SPECIAL_INPUTS = {
        0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL / 3, -Float.MIN_NORMAL / 7,
        Float.MAX_VALUE, -Float.MAX_VALUE, 3e37f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
    };
    /** Scales of the ordinary values: products of the small ones are subnormal, of the large ones overflow. */
    private static final float[] SCALES = {1f, 1e-20f, 3e-23f, 1e19f};

    /**
     * Shapes with partial panels and partial row tiles; zeros (which the single-row layer skips and
     * the batched one adds) from none to all of the inputs, as a ReLU leaves them, and a share of
     * special values. NaN outputs compare equal whatever their payload ({@link Float#floatToIntBits}).
     */
    @Property(tries = 1000)
    void batchedRowsEqualSingleRows(@ForAll @IntRange(min = 1, max = 80) int inputs,
            @ForAll @IntRange(min = 1, max = 70) int outputs, @ForAll @IntRange(min = 1, max = 40) int rows,
            @ForAll boolean relu, @ForAll @IntRange(min = 0, max = 100) int zeroPercent,
            @ForAll @IntRange(min = 0, max = 100) int specialPerMille, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Dense dense = Dense.of(new NamedTensor("w", new int[] {outputs, inputs}, values(random, outputs * inputs, 0, specialPerMille, SPECIAL_WEIGHTS)),
                new NamedTensor("b", new int[] {outputs}, values(random, outputs, 0, specialPerMille, SPECIAL_WEIGHTS)));
        float[] in = values(random, rows * inputs, zeroPercent, specialPerMille, SPECIAL_INPUTS);
        float[] expected = new float[rows * outputs];
        float[] row = new float[inputs];
        float[] single = new float[outputs];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(in, r * inputs, row, 0, inputs);
            dense.apply(row, single, relu);
            System.arraycopy(single, 0, expected, r * outputs, outputs);
        }
        for (DenseKernel kernel : DenseKernel.values()) {
            float[] out = new float[rows * outputs];
            dense.apply(in, rows, out, relu, kernel);
            assertArrayEquals(intBits(expected), intBits(out), kernel.name());
        }
    }

    private static float[] values(SplittableRandom random, int n, int zeroPercent, int specialPerMille, float[] specials) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            if (random.nextInt(100) < zeroPercent) {
                values[i] = random.nextBoolean() ? 0f : -0f;
            } else if (random.nextInt(1000) < specialPerMille) {
                values[i] = specials[random.nextInt(specials.length)];
            } else {
                values[i] = (float) random.nextGaussian() * SCALES[random.nextInt(SCALES.length)];
            }
        }
        return values;
    }

    private static int[] intBits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToIntBits(values[i]);
        }
        return bits;
    }
}
