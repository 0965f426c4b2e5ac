package org.glowzip.codec.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.nn.Conv2d;
import org.glowzip.codec.nn.CouplingNetwork;
import org.glowzip.codec.nn.FeatureMap;
import org.glowzip.codec.nn.ScaledConv2d;

/** Every integer layer is a bijection of values and message, for arbitrary and extreme inputs. */
class IntStepTest {
    /** The weight scale of a random coupling network whose outputs are in a trained network's range. */
    private static final double TRAINED_SCALE = 0.25;
    private static final CodingParameters PARAMETERS = CodingParameters.DEFAULT;
    private static final long LIMIT = 1L << 30;
    /** The border planes of the 3x3 maps of these tests, which an unconditioned layer ignores. */
    private static final FeatureMap NO_BORDER = TileBorder.none(1, 6, 6).planes(2);
    /** Hidden channels of the coupling networks of these tests. */
    private static final int HIDDEN = 3;

    @Provide
    Arbitrary<Long> values() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-LIMIT, LIMIT),
                Arbitraries.longs().between(-40_000, 40_000),
                Arbitraries.of(0L, 1L, -1L, LIMIT, -LIMIT, 1L << PARAMETERS.fractionalBits()));
    }

    @Property(tries = 1000)
    void scaledFrameMapsValuesLikeActNorm(@ForAll("values") long x, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Frame frame = frame(random, 2);
        float[] shift = floats(random, 2, 2);
        float[] logs = floats(random, 2, 1.5);
        Frame scaled = frame.scaled(shift, logs);
        for (int c = 0; c < 2; c++) {
            double expected = (frame.value(c, x) + shift[c]) * StrictMath.exp(logs[c]);
            assertEquals(expected, scaled.value(c, x), 1e-9 * (Math.abs(expected) + scaled.unit(c)));
        }
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
        float[] lower = floats(random, channels * channels, 1);
        float[] upper = floats(random, channels * channels, 1);
        float[] logs = floats(random, channels, 1);
        Frame frame = frame(random, channels);
        IntInvertibleConv layer = new IntInvertibleConv(perm, sign, lower, upper, logs, frame);
        LatentMap input = map(channels, a, b, random);
        checkBijection(layer, input);
        LatentMap output = copy(input);
        layer.forward(new Message(), output, NO_BORDER);
        for (int p = 0; p < 9; p++) {
            double[] v = new double[channels];
            for (int i = 0; i < channels; i++) {
                v[i] = frame.value(i, input.plane(i)[p]);
            }
            for (int i = 0; i < channels; i++) {
                v[i] = sign[i] * StrictMath.exp(logs[i]) * v[i];
                for (int j = i + 1; j < channels; j++) {
                    v[i] += upper[i * channels + j] * frame.value(j, input.plane(j)[p]);
                }
            }
            double[] l = v.clone();
            for (int i = 0; i < channels; i++) {
                for (int j = 0; j < i; j++) {
                    l[i] += lower[i * channels + j] * v[j];
                }
            }
            for (int i = 0; i < channels; i++) {
                int out = (int) perm[i];
                double unit = layer.output().unit(out);
                double rounding = unit; // the upper and the lower sum, half a unit each
                for (int j = 0; j < i; j++) {
                    rounding += Math.abs(lower[i * channels + j]) * layer.output().unit((int) perm[j]) / 2;
                }
                double got = layer.output().value(out, output.plane(out)[p]);
                assertEquals(l[i], got, rounding * 1.000001 + 1e-9 * Math.abs(l[i]), "channel " + i + " pixel " + p);
            }
        }
    }

    @Property(tries = 500)
    void couplingIsABijection(@ForAll("values") long a, @ForAll("values") long b, @ForAll CouplingType type, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        IntCoupling layer = new IntCoupling(type, network(random, type), Optional.empty(), frame(random, 4), PARAMETERS.scaleBits());
        LatentMap input = map(4, a, b, random);
        try {
            checkBijection(layer, input);
        } catch (ArithmeticException refused) {
            assertEquals(CouplingType.MIXTURE, type, "only a mixture coupling refuses values (where its curve, evaluated in"
                    + " doubles, is not increasing): " + refused.getMessage());
        }
    }

    /**
     * A coupling of a Glow conditioned on its tile's border, its condition's convolution added to
     * the network's first layer, is a bijection whatever the border: each side absent or present,
     * of random samples.
     */
    @Property(tries = 300)
    void conditionedCouplingIsABijection(@ForAll CouplingType type, @ForAll boolean above, @ForAll boolean left, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FeatureMap border = new TileBorder(1, 6, 6, above ? samples(random, 6) : null, left ? samples(random, 6) : null).planes(2);
        Conv2d condition = new Conv2d(border.channels(), HIDDEN, 3, floats(random, HIDDEN * border.channels() * 9, TRAINED_SCALE),
                new float[HIDDEN]);
        Frame frame = codingFrame(random);
        IntCoupling layer = new IntCoupling(type, network(random, type, TRAINED_SCALE), Optional.of(condition), frame,
                PARAMETERS.scaleBits());
        checkBijection(layer, imageRange(frame, random), border);
    }

    /**
     * Values of a real Glow's range (activations of images stay within +-20), in units of the
     * coder's resolutions (2^-5 to 2^-20), under a network of a trained one's output range, are
     * never refused.
     */
    @Property(tries = 300)
    void mixtureCouplingCodesEveryValueOfAnImagesRange(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Frame frame = codingFrame(random);
        checkBijection(new IntCoupling(CouplingType.MIXTURE, network(random, CouplingType.MIXTURE, TRAINED_SCALE), Optional.empty(), frame, PARAMETERS.scaleBits()),
                imageRange(frame, random));
    }

    /**
     * The coupling computes what its network says: {@code y_a = x_a} and {@code y_b = (x_b + t) s}
     * with {@code s = sigmoid(h + offset)} (affine) or 1 (additive), to within the rounding of the
     * shift and the contraction (a unit and a half) and the scale's quantization to
     * {@code 2^-scaleBits}.
     */
    @Property(tries = 500)
    void couplingMapsValuesLikeTheFloatCoupling(@ForAll CouplingType type, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        CouplingNetwork network = network(random, type, TRAINED_SCALE);
        // a mixture map is held within 2^61 / 2^scaleBits units, which the finest arbitrary frames exceed
        Frame frame = type == CouplingType.MIXTURE ? codingFrame(random) : frame(random, 4);
        IntCoupling layer = new IntCoupling(type, network, Optional.empty(), frame, PARAMETERS.scaleBits());
        LatentMap x = imageRange(frame, random);
        LatentMap y = copy(x);
        layer.forward(new Message(), y, NO_BORDER);
        FeatureMap h = network.apply(x.toFeatureMap(0, 2, frame));
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < 9; i++) {
                double v = frame.value(c, x.plane(c)[i]);
                double got = frame.value(c, y.plane(c)[i]);
                if (c < 2) {
                    assertEquals(x.plane(c)[i], y.plane(c)[i], "passed-through channel " + c);
                    continue;
                }
                double t = h.plane(c - 2)[i];
                double s = type == CouplingType.ADDITIVE ? 1 : 1 / (1 + StrictMath.exp(-(h.plane(c)[i] + GlowLayout.COUPLING_SCALE_OFFSET)));
                double resolution = StrictMath.scalb(1.0, -PARAMETERS.scaleBits());
                double tolerance = 2 * frame.unit(c);
                double bent = v + t;
                if (type == CouplingType.MIXTURE) {
                    MixtureCurve curve = mixture(h, i, c - 2);
                    bent = curve.at(v + t);
                    // the point within the image of the unit interval, and the 2X that keeps the map increasing
                    tolerance += (curve.at(v + t + frame.unit(c)) - bent) * s + 2 * Math.abs(v - frame.offset(c)) * resolution;
                }
                tolerance += Math.abs(bent) * resolution;
                assertEquals(bent * s, got, tolerance, "channel " + c + " pixel " + i);
            }
        }
    }

    /** The mixture curve of element {@code i} of output channel {@code j} of a 2-channel half, straight from the network's planes. */
    private static MixtureCurve mixture(FeatureMap h, int i, int j) {
        int m = GlowLayout.MIXTURE_COMPONENTS;
        double[][] blocks = new double[3][m];
        for (int b = 0; b < 3; b++) {
            for (int k = 0; k < m; k++) {
                blocks[b][k] = h.plane(2 * (2 + b * m + k) + j)[i];
            }
        }
        return new MixtureCurve(blocks[0], blocks[1], blocks[2]);
    }

    @Property(tries = 300)
    void mixtureCurveIsTheLogitOfTheMixtureCdf(@ForAll @DoubleRange(min = -30, max = 30) double z, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] logits = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        double[] means = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        double[] logScales = {random.nextGaussian(), random.nextGaussian(), -9};
        double normalizer = Math.exp(logits[0]) + Math.exp(logits[1]) + Math.exp(logits[2]);
        double cdf = 0;
        for (int k = 0; k < 3; k++) {
            double scale = Math.exp(Math.max(logScales[k], GlowLayout.MIXTURE_MIN_LOG_SCALE));
            cdf += Math.exp(logits[k]) / normalizer / (1 + Math.exp(-(z - means[k]) / scale));
        }
        double expected = Math.log(cdf / (1 - cdf));
        if (cdf > 1e-12 && cdf < 1 - 1e-9) {
            assertEquals(expected, new MixtureCurve(logits, means, logScales).at(z), 1e-6 * (1 + Math.abs(expected)));
        }
    }

    /** A coupling network of random N(0, 1) weights: on image-range inputs its outputs reach 10^4 to 10^7, extremes for the coder. */
    private static CouplingNetwork network(SplittableRandom random, CouplingType type) {
        return network(random, type, 1);
    }

    /**
     * A coupling network of random N(0, {@code scale}^2) weights. At {@value #TRAINED_SCALE}, its
     * outputs on image-range inputs are what a trained network's are (the largest of an element's 28
     * has a median of 14 and a 90th percentile of 33 over seeds); at 1 they reach 10^4 to 10^7,
     * where a mixture curve can be flatter than the rounding of its evaluation, and its element is
     * refused.
     */
    private static CouplingNetwork network(SplittableRandom random, CouplingType type, double scale) {
        int outputs = type.outputsPerChannel() * 2;
        return new CouplingNetwork(
                new Conv2d(2, HIDDEN, 3, floats(random, HIDDEN * 2 * 9, scale), floats(random, HIDDEN, scale)),
                new Conv2d(HIDDEN, HIDDEN, 1, floats(random, HIDDEN * HIDDEN, scale), floats(random, HIDDEN, scale)),
                new ScaledConv2d(new Conv2d(HIDDEN, outputs, 3, floats(random, outputs * HIDDEN * 9, scale), floats(random, outputs, scale)),
                        floats(random, outputs, scale)));
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
        checkBijection(layer, input, NO_BORDER);
    }

    /** Forward then inverse with the tile border's planes {@code border}, on a message with history: values and message come back. */
    private static void checkBijection(IntStep layer, LatentMap input, FeatureMap border) {
        Message start = new Message();
        for (int i = 0; i < 100; i++) {
            start.push(i, 1, 8);
        }
        LatentMap x = copy(input);
        Message message = start.copy();
        layer.forward(message, x, border);
        layer.inverse(message, x, border);
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

    /** A 4-channel frame with units of the coder's resolutions, 2^-5 to 2^-20. */
    private static Frame codingFrame(SplittableRandom random) {
        double[] units = new double[4];
        double[] offsets = new double[4];
        for (int c = 0; c < 4; c++) {
            units[c] = StrictMath.scalb(1.0, -random.nextInt(5, 21));
            offsets[c] = random.nextGaussian();
        }
        return new Frame(units, offsets);
    }

    /** A 4-channel 3x3 map of values in [-20, 20] in {@code frame}. */
    private static LatentMap imageRange(Frame frame, SplittableRandom random) {
        LatentMap map = new LatentMap(4, 3, 3);
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < 9; i++) {
                map.plane(c)[i] = Math.round((random.nextDouble(-20, 20) - frame.offset(c)) / frame.unit(c));
            }
        }
        return map;
    }

    private static LatentMap copy(LatentMap map) {
        LatentMap copy = new LatentMap(map.channels(), map.height(), map.width());
        for (int c = 0; c < map.channels(); c++) {
            System.arraycopy(map.plane(c), 0, copy.plane(c), 0, map.plane(c).length);
        }
        return copy;
    }

    /** Units spread over many orders of magnitude, offsets of either sign. */
    private static Frame frame(SplittableRandom random, int channels) {
        double[] units = new double[channels];
        double[] offsets = new double[channels];
        for (int c = 0; c < channels; c++) {
            units[c] = StrictMath.exp(random.nextGaussian() * 3) / 4096;
            offsets[c] = random.nextGaussian();
        }
        return new Frame(units, offsets);
    }

    /** {@code n} random 8-bit samples. */
    private static byte[] samples(SplittableRandom random, int n) {
        byte[] samples = new byte[n];
        random.nextBytes(samples);
        return samples;
    }

    private static float[] floats(SplittableRandom random, int n, double scale) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        return values;
    }
}
