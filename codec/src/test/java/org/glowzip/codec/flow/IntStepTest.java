package org.glowzip.codec.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.model.CouplingType;
import org.glowzip.codec.nn.Conv2d;
import org.glowzip.codec.nn.CouplingNetwork;
import org.glowzip.codec.nn.ScaledConv2d;

/** Every integer layer is a bijection of values and message, for arbitrary and extreme inputs. */
class IntStepTest {
    private static final CodingParameters PARAMETERS = CodingParameters.DEFAULT;
    private static final long LIMIT = 1L << 30;

    @Provide
    Arbitrary<Long> values() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-LIMIT, LIMIT),
                Arbitraries.longs().between(-40_000, 40_000),
                Arbitraries.of(0L, 1L, -1L, LIMIT, -LIMIT, 1L << PARAMETERS.fractionalBits()));
    }

    @Property(tries = 1000)
    void actNormIsABijection(@ForAll("values") long a, @ForAll("values") long b, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        IntActNorm layer = new IntActNorm(floats(random, 2, 2), floats(random, 2, 1.5), PARAMETERS);
        checkBijection(layer, map(2, a, b, random));
    }

    @Property(tries = 1000)
    void invertibleConvIsABijection(@ForAll("values") long a, @ForAll("values") long b, @ForAll @IntRange(min = 1, max = 6) int channels,
            @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] perm = new float[channels];
        float[] sign = new float[channels];
        for (int i = 0; i < channels; i++) {
            perm[i] = (i + 1) % channels;
            sign[i] = random.nextBoolean() ? 1 : -1;
        }
        IntInvertibleConv layer = new IntInvertibleConv(perm, sign, floats(random, channels * channels, 1),
                floats(random, channels * channels, 1), floats(random, channels, 1), PARAMETERS);
        checkBijection(layer, map(channels, a, b, random));
    }

    @Property(tries = 500)
    void couplingIsABijection(@ForAll("values") long a, @ForAll("values") long b, @ForAll boolean affine, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int hidden = 3;
        int outputs = affine ? 4 : 2;
        CouplingNetwork network = new CouplingNetwork(
                new Conv2d(2, hidden, 3, floats(random, hidden * 2 * 9, 1), floats(random, hidden, 1)),
                new Conv2d(hidden, hidden, 1, floats(random, hidden * hidden, 1), floats(random, hidden, 1)),
                new ScaledConv2d(new Conv2d(hidden, outputs, 3, floats(random, outputs * hidden * 9, 1), floats(random, outputs, 1)),
                        floats(random, outputs, 1)));
        IntCoupling layer = new IntCoupling(affine ? CouplingType.AFFINE : CouplingType.ADDITIVE, network, PARAMETERS);
        checkBijection(layer, map(4, a, b, random));
    }

    @Property(tries = 1000)
    void squeezeIsAPermutation(@ForAll @IntRange(min = 1, max = 3) int channels, @ForAll @IntRange(min = 1, max = 5) int halfHeight,
            @ForAll @IntRange(min = 1, max = 5) int halfWidth, @ForAll long seed) {
        LatentMap map = new LatentMap(channels, 2 * halfHeight, 2 * halfWidth);
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < map.plane(c).length; i++) {
                map.plane(c)[i] = random.nextLong();
            }
        }
        LatentMap back = map.squeeze().unsqueeze();
        for (int c = 0; c < channels; c++) {
            assertArrayEquals(map.plane(c), back.plane(c));
        }
    }

    /** Forward then inverse, on a message with history: values and message come back. */
    private static void checkBijection(IntStep layer, LatentMap input) {
        Message start = new Message();
        for (int i = 0; i < 100; i++) {
            start.push(i, 1, 8);
        }
        LatentMap x = copy(input);
        Message message = start.copy();
        layer.forward(message, x);
        layer.inverse(message, x);
        for (int c = 0; c < input.channels(); c++) {
            assertArrayEquals(input.plane(c), x.plane(c), "channel " + c);
        }
        assertEquals(start, message, "message state");
    }

    /** A 3 x 3 map whose first two values are {@code a} and {@code b}, the rest random within the same range. */
    private static LatentMap map(int channels, long a, long b, SplittableRandom random) {
        LatentMap map = new LatentMap(channels, 3, 3);
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < 9; i++) {
                map.plane(c)[i] = random.nextLong(-LIMIT / 64, LIMIT / 64);
            }
        }
        map.plane(0)[0] = a / channels;
        map.plane(channels - 1)[8] = b / channels;
        return map;
    }

    private static LatentMap copy(LatentMap map) {
        LatentMap copy = new LatentMap(map.channels(), map.height(), map.width());
        for (int c = 0; c < map.channels(); c++) {
            System.arraycopy(map.plane(c), 0, copy.plane(c), 0, map.plane(c).length);
        }
        return copy;
    }

    private static float[] floats(SplittableRandom random, int n, double scale) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        return values;
    }
}
