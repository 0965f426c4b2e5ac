package org.glowzip.codec.flow;

import org.glowzip.codec.ans.Message;
import org.glowzip.codec.model.CouplingType;
import org.glowzip.codec.nn.CouplingNetwork;
import org.glowzip.codec.nn.FeatureMap;

/**
 * Coupling: the first {@code half} channels {@code x_a} pass through and feed the network, whose
 * first output channels are the shift {@code t} and, for affine coupling, whose next ones are the
 * pre-scale {@code h}. Then {@code y_b = (x_b + round(t)) * sigmoid(h + 2)}, the scale a modular
 * scale. The decoder sees {@code y_a = x_a}, so it evaluates the same network on the same bits.
 */
final class IntCoupling implements IntStep {
    /** Added to the pre-scale before the sigmoid, so that a fresh coupling scales by about 0.88. */
    static final double SCALE_OFFSET = 2;

    private final CouplingType type;
    private final CouplingNetwork network;
    private final CodingParameters parameters;

    IntCoupling(CouplingType type, CouplingNetwork network, CodingParameters parameters) {
        this.type = type;
        this.network = network;
        this.parameters = parameters;
    }

    @Override
    public void forward(Message message, LatentMap x) {
        int half = network.inChannels();
        FeatureMap h = network.apply(x.toFeatureMap(0, half, parameters));
        for (int c = half; c < x.channels(); c++) {
            long[] plane = x.plane(c);
            float[] shift = h.plane(c - half);
            float[] preScale = type == CouplingType.AFFINE ? h.plane(c - half + x.channels() - half) : null;
            for (int i = 0; i < plane.length; i++) {
                long shifted = Math.addExact(plane[i], parameters.toFixed(shift[i]));
                plane[i] = preScale == null ? shifted
                        : ModularScale.forward(message, shifted, numerator(preScale[i]), parameters.scaleDenominator());
            }
        }
    }

    @Override
    public void inverse(Message message, LatentMap y) {
        int half = network.inChannels();
        FeatureMap h = network.apply(y.toFeatureMap(0, half, parameters));
        for (int c = y.channels() - 1; c >= half; c--) {
            long[] plane = y.plane(c);
            float[] shift = h.plane(c - half);
            float[] preScale = type == CouplingType.AFFINE ? h.plane(c - half + y.channels() - half) : null;
            for (int i = plane.length - 1; i >= 0; i--) {
                long shifted = preScale == null ? plane[i]
                        : ModularScale.inverse(message, plane[i], numerator(preScale[i]), parameters.scaleDenominator());
                plane[i] = shifted - parameters.toFixed(shift[i]);
            }
        }
    }

    /** The scale's numerator; a network output that is not a number scales by 1. */
    private int numerator(float preScale) {
        double scale = 1 / (1 + StrictMath.exp(-(preScale + SCALE_OFFSET)));
        return Double.isNaN(scale) ? parameters.scaleDenominator() : parameters.scaleNumerator(scale);
    }
}
