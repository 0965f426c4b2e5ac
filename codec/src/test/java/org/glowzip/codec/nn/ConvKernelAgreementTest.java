package org.glowzip.codec.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link ConvKernel#VECTOR} and {@link ConvKernel#SCALAR} give the same float bits. */
class ConvKernelAgreementTest {
    /**
     * Every shape, including 1x1 maps, odd sides and channel counts that leave partial row tiles and
     * pixel vectors; a share of special values in inputs, weights and biases from none to one in ten.
     * NaN outputs compare equal whatever their payload ({@link Float#floatToIntBits}).
     */
    @Property(tries = 1000)
    void vectorAndScalarKernelsGiveTheSameBits(@ForAll @IntRange(min = 1, max = 70) int in,
            @ForAll @IntRange(min = 1, max = 70) int out, @ForAll boolean threeByThree,
            @ForAll @IntRange(min = 1, max = 20) int height, @ForAll @IntRange(min = 1, max = 20) int width,
            @ForAll @IntRange(min = 0, max = 100) int specialPerMille, @ForAll long seed) {
        int k = threeByThree ? 3 : 1;
        SplittableRandom random = new SplittableRandom(seed);
        Conv2d conv = new Conv2d(in, out, k, SpecialFloats.mixed(random, out * in * k * k, specialPerMille, SpecialFloats.VALUES),
                SpecialFloats.mixed(random, out, specialPerMille, SpecialFloats.VALUES));
        FeatureMap input = new FeatureMap(in, height, width);
        for (int c = 0; c < in; c++) {
            System.arraycopy(SpecialFloats.mixed(random, height * width, specialPerMille, SpecialFloats.VALUES), 0, input.plane(c), 0, height * width);
        }
        FeatureMap scalar = conv.apply(input, ConvKernel.SCALAR);
        FeatureMap vector = conv.apply(input, ConvKernel.VECTOR);
        for (int o = 0; o < out; o++) {
            assertArrayEquals(SpecialFloats.intBits(scalar.plane(o)), SpecialFloats.intBits(vector.plane(o)), "output channel " + o);
        }
    }

    /** Otherwise the property above, and every codec test, would silently run the scalar kernel only. */
    @Test
    void testsRunWithTheVectorModule() {
        assertEquals(ConvKernel.VECTOR, ConvKernel.preferred(), "surefire's argLine must add jdk.incubator.vector");
    }
}
