package org.glowzip.codec.flow;

import java.util.Optional;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.nn.Conv2d;
import org.glowzip.codec.nn.CouplingNetwork;
import org.glowzip.codec.nn.FeatureMap;

/**
 * Coupling: the first {@code half} channels {@code x_a} pass through and feed the network, whose
 * first output channels are the shift {@code t} and, for affine and mixture coupling, whose next
 * ones are the pre-scale {@code h}, with {@code s = sigmoid(h + 2) < 1}. The decoder sees
 * {@code y_a = x_a}, so it evaluates the same network on the same bits. All in the frame of
 * {@code x_b}, which the coupling keeps.
 *
 * <p>Affine: {@code y_b = (x_b + t) * s}: the integer is scaled by {@code s} (a
 * {@link ModularScale}; since {@code s < 1} it pushes more than it pops, so after its first
 * element an image's own pushes finance its pops) and then shifted by the rounded rest of the
 * affine map. Mixture: {@code y_b = L(x_b + t) * s} with the {@link MixtureCurve} {@code L} of the
 * remaining outputs, the whole map in units coded as one {@link MonotoneScale}. Additive:
 * {@code y_b = x_b + t}, rounded. In a Glow conditioned on its tile's border, the border's
 * convolution adds to the network's first layer ({@link GlowLayout}).
 */
final class IntCoupling implements IntStep {
    /** Bound of a mixture curve's scaled values, so that {@code G} stays far inside a {@code long}. */
    private static final double MAX_CURVE = 0x1p61;

    private final CouplingType type;
    private final CouplingNetwork network;
    private final Optional<Conv2d> condition;
    private final Frame frame;
    private final int scaleBits;

    /**
     * @param condition the border condition's convolution of a conditioned Glow
     * @param frame     the frame of the values, which the coupling keeps
     * @param scaleBits scales are rationals {@code S / 2^scaleBits}
     */
    IntCoupling(CouplingType type, CouplingNetwork network, Optional<Conv2d> condition, Frame frame, int scaleBits) {
        this.type = type;
        this.network = network;
        this.condition = condition;
        this.frame = frame;
        this.scaleBits = scaleBits;
    }

    @Override
    public void forward(Message message, LatentMap x, FeatureMap border) {
        int half = network.inChannels();
        FeatureMap h = network(x, border);
        for (int c = half; c < x.channels(); c++) {
            long[] plane = x.plane(c);
            for (int i = 0; i < plane.length; i++) {
                plane[i] = type == CouplingType.MIXTURE ? mixtureForward(message, h, x.channels(), c, i, plane[i])
                        : affineForward(message, h, x.channels(), c, i, plane[i]);
            }
        }
    }

    @Override
    public void inverse(Message message, LatentMap y, FeatureMap border) {
        int half = network.inChannels();
        FeatureMap h = network(y, border);
        for (int c = y.channels() - 1; c >= half; c--) {
            long[] plane = y.plane(c);
            for (int i = plane.length - 1; i >= 0; i--) {
                plane[i] = type == CouplingType.MIXTURE ? mixtureInverse(message, h, y.channels(), c, i, plane[i])
                        : affineInverse(message, h, y.channels(), c, i, plane[i]);
            }
        }
    }

    /** The network's outputs given the passing half of {@code x}, which forward and inverse share. */
    private FeatureMap network(LatentMap x, FeatureMap border) {
        FeatureMap passing = x.toFeatureMap(0, network.inChannels(), frame);
        return condition.map(conv -> network.apply(passing, conv.apply(border))).orElseGet(() -> network.apply(passing));
    }

    /** Element {@code i} of channel {@code c} through the affine (or additive) map. */
    private long affineForward(Message message, FeatureMap h, int channels, int c, int i, long x) {
        int numerator = numerator(h, channels, c, i);
        long contracted = numerator == 1 << scaleBits ? x : ModularScale.forward(message, x, numerator, 1 << scaleBits);
        return Math.addExact(contracted, shift(c, h.plane(c - network.inChannels())[i], numerator));
    }

    private long affineInverse(Message message, FeatureMap h, int channels, int c, int i, long y) {
        int numerator = numerator(h, channels, c, i);
        long contracted = y - shift(c, h.plane(c - network.inChannels())[i], numerator);
        return numerator == 1 << scaleBits ? contracted : ModularScale.inverse(message, contracted, numerator, 1 << scaleBits);
    }

    private long mixtureForward(Message message, FeatureMap h, int channels, int c, int i, long x) {
        MonotoneCurve curve = mixtureCurve(h, channels, c, i);
        return curve == null ? x : MonotoneScale.forward(message, x, curve, 1 << scaleBits);
    }

    private long mixtureInverse(Message message, FeatureMap h, int channels, int c, int i, long y) {
        MonotoneCurve curve = mixtureCurve(h, channels, c, i);
        return curve == null ? y : MonotoneScale.inverse(message, y, curve, 1 << scaleBits);
    }

    /**
     * The mixture map of element {@code i} of channel {@code c} in units, scaled up by
     * {@code 2^scaleBits}: {@code G(X) = floor(2^scaleBits (L(x + t) s - o) / u) + 2X} with
     * {@code x = X u + o}; the {@code 2X} keeps it increasing where the curve is flatter than the
     * rounding of its evaluation. Its guess at {@code G^-1(v)} solves the curve without the
     * {@code 2X} for {@code x + t} between the components' own inverses
     * ({@link MixtureCurve#inverseBounds}), which costs no evaluation. {@code null} where a network
     * output is not a finite number: the element passes unchanged.
     */
    private MonotoneCurve mixtureCurve(FeatureMap h, int channels, int c, int i) {
        int width = channels - network.inChannels();
        int j = c - network.inChannels();
        int components = GlowLayout.MIXTURE_COMPONENTS;
        double[] logits = new double[components];
        double[] means = new double[components];
        double[] logScales = new double[components];
        for (int k = 0; k < components; k++) {
            logits[k] = h.plane((2 + k) * width + j)[i];
            means[k] = h.plane((2 + components + k) * width + j)[i];
            logScales[k] = h.plane((2 + 2 * components + k) * width + j)[i];
        }
        MixtureCurve mixture = new MixtureCurve(logits, means, logScales);
        double t = h.plane(j)[i];
        double s = scale(h, channels, c, i);
        if (!mixture.finite() || !Double.isFinite(t) || !Double.isFinite(s)) {
            return null;
        }
        double unit = frame.unit(c);
        double offset = frame.offset(c);
        double denominator = 1 << scaleBits;
        return new MonotoneCurve() {
            @Override
            public long at(long x) {
                double scaled = denominator * ((mixture.at(x * unit + offset + t) * s - offset) / unit);
                return (long) Math.floor(Math.max(-MAX_CURVE, Math.min(MAX_CURVE, scaled))) + 2 * x;
            }

            @Override
            public Bracket guess(long v) {
                double[] bounds = mixture.inverseBounds((v / denominator * unit + offset) / s);
                return new Bracket(toUnits(Math.floor((bounds[0] - t - offset) / unit)) - 1,
                        toUnits(Math.ceil((bounds[1] - t - offset) / unit)) + 1);
            }
        };
    }

    /** A whole number of units as a long, saturated at the bounds of the search's domain (0 for NaN). */
    private static long toUnits(double units) {
        return (long) Math.max(-MonotoneScale.LIMIT, Math.min(MonotoneScale.LIMIT, units));
    }

    /**
     * The integer added after the contraction: with {@code x = X u + o} and the scale {@code s}
     * actually applied, {@code (x + t) s = (s X) u + o + ((o + t) s - o)}; the last term, in
     * units, rounded.
     */
    private long shift(int c, float t, int numerator) {
        double s = numerator / (double) (1 << scaleBits);
        double o = frame.offset(c);
        return Math.round(((o + t) * s - o) / frame.unit(c));
    }

    /**
     * The numerator {@code S} in {@code [1, 2^scaleBits]} of element {@code i}'s scale; 2^scaleBits
     * (a scale of 1) for additive coupling and where the network output is not a number.
     */
    private int numerator(FeatureMap h, int channels, int c, int i) {
        int denominator = 1 << scaleBits;
        if (type == CouplingType.ADDITIVE) {
            return denominator;
        }
        double scale = scale(h, channels, c, i);
        return Double.isNaN(scale) ? denominator : (int) Math.max(1, Math.min(denominator, Math.rint(scale * denominator)));
    }

    /** {@code s = sigmoid(h + 2)} of element {@code i} of channel {@code c}, from the pre-scale block after the shifts. */
    private double scale(FeatureMap h, int channels, int c, int i) {
        float preScale = h.plane(c - 2 * network.inChannels() + channels)[i];
        return 1 / (1 + StrictMath.exp(-(preScale + GlowLayout.COUPLING_SCALE_OFFSET)));
    }
}
