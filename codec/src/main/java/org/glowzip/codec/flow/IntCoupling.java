package org.glowzip.codec.flow;

import org.glowzip.codec.ans.Message;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.nn.CouplingNetwork;
import org.glowzip.codec.nn.FeatureMap;

/**
 * Coupling: the first {@code half} channels {@code x_a} pass through and feed the network, whose
 * first output channels are the shift {@code t} and, for affine coupling, whose next ones are the
 * pre-scale {@code h}. Then {@code y_b = (x_b + t) * s} with {@code s = sigmoid(h + 2) < 1}, in
 * the frame of {@code x_b}, which the coupling keeps: the integer is scaled by {@code s} (a
 * {@link ModularScale}; since {@code s < 1} it pushes more than it pops, so after its first
 * element an image's own pushes finance its pops) and then shifted by the rounded rest of the
 * affine map. The decoder sees {@code y_a = x_a}, so it evaluates the same network on the same
 * bits.
 */
final class IntCoupling implements IntStep {
    private final CouplingType type;
    private final CouplingNetwork network;
    private final Frame frame;
    private final int scaleBits;

    /**
     * @param frame     the frame of the values, which the coupling keeps
     * @param scaleBits scales are rationals {@code S / 2^scaleBits}
     */
    IntCoupling(CouplingType type, CouplingNetwork network, Frame frame, int scaleBits) {
        this.type = type;
        this.network = network;
        this.frame = frame;
        this.scaleBits = scaleBits;
    }

    @Override
    public void forward(Message message, LatentMap x) {
        int half = network.inChannels();
        FeatureMap h = network.apply(x.toFeatureMap(0, half, frame));
        int denominator = 1 << scaleBits;
        for (int c = half; c < x.channels(); c++) {
            long[] plane = x.plane(c);
            float[] shift = h.plane(c - half);
            float[] preScale = type == CouplingType.AFFINE ? h.plane(c - half + x.channels() - half) : null;
            for (int i = 0; i < plane.length; i++) {
                int numerator = preScale == null ? denominator : numerator(preScale[i]);
                long contracted = numerator == denominator ? plane[i] : ModularScale.forward(message, plane[i], numerator, denominator);
                plane[i] = Math.addExact(contracted, shift(c, shift[i], numerator));
            }
        }
    }

    @Override
    public void inverse(Message message, LatentMap y) {
        int half = network.inChannels();
        FeatureMap h = network.apply(y.toFeatureMap(0, half, frame));
        int denominator = 1 << scaleBits;
        for (int c = y.channels() - 1; c >= half; c--) {
            long[] plane = y.plane(c);
            float[] shift = h.plane(c - half);
            float[] preScale = type == CouplingType.AFFINE ? h.plane(c - half + y.channels() - half) : null;
            for (int i = plane.length - 1; i >= 0; i--) {
                int numerator = preScale == null ? denominator : numerator(preScale[i]);
                long contracted = plane[i] - shift(c, shift[i], numerator);
                plane[i] = numerator == denominator ? contracted : ModularScale.inverse(message, contracted, numerator, denominator);
            }
        }
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

    /** The scale's numerator {@code S} in {@code [1, 2^scaleBits]}; a network output that is not a number scales by 1. */
    private int numerator(float preScale) {
        double scale = 1 / (1 + StrictMath.exp(-(preScale + GlowLayout.COUPLING_SCALE_OFFSET)));
        int denominator = 1 << scaleBits;
        return Double.isNaN(scale) ? denominator : (int) Math.max(1, Math.min(denominator, Math.rint(scale * denominator)));
    }
}
