package org.glowzip.codec.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.glowzip.codec.modelfile.NamedTensor;
import org.glowzip.codec.nn.DenseKernel;
import org.glowzip.codec.nn.SpecialFloats;

/** The batched layer gives every row the bits the single-row layer gives it, with either kernel. */
class DenseTest {
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
        Dense dense = Dense.of(
                new NamedTensor("w", new int[] {outputs, inputs}, values(random, outputs * inputs, 0, specialPerMille, SpecialFloats.FINITE)),
                new NamedTensor("b", new int[] {outputs}, values(random, outputs, 0, specialPerMille, SpecialFloats.FINITE)));
        float[] in = values(random, rows * inputs, zeroPercent, specialPerMille, SpecialFloats.VALUES);
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
            assertArrayEquals(SpecialFloats.intBits(expected), SpecialFloats.intBits(out), kernel.name());
        }
    }

    /** {@link SpecialFloats#mixed} with {@code zeroPercent} of the values then made a signed zero, as a ReLU leaves them. */
    private static float[] values(SplittableRandom random, int n, int zeroPercent, int specialPerMille, float[] specials) {
        float[] values = SpecialFloats.mixed(random, n, specialPerMille, specials);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(100) < zeroPercent) {
                values[i] = random.nextBoolean() ? 0f : -0f;
            }
        }
        return values;
    }
}
