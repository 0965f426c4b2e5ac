package org.glowzip.codec.nn;

/**
 * Glow's "zero" convolution as it evaluates once trained: a convolution whose output channel
 * {@code o} is multiplied by {@code exp(3 * logscale[o])}.
 */
public final class ScaledConv2d {
    /** Glow multiplies the output log-scale parameter by this. */
    public static final double LOGSCALE_FACTOR = 3;

    private final Conv2d conv;
    private final float[] outputScale;

    public ScaledConv2d(Conv2d conv, float[] logscale) {
        if (logscale.length != conv.outChannels()) {
            throw new IllegalArgumentException(logscale.length + " log-scales for " + conv.outChannels() + " channels");
        }
        this.conv = conv;
        this.outputScale = new float[logscale.length];
        for (int o = 0; o < logscale.length; o++) {
            outputScale[o] = (float) StrictMath.exp(LOGSCALE_FACTOR * logscale[o]);
        }
    }

    public int inChannels() {
        return conv.inChannels();
    }

    public int outChannels() {
        return conv.outChannels();
    }

    public FeatureMap apply(FeatureMap input) {
        return scaled(conv.apply(input));
    }

    /** The convolution with {@code addend} (the output's shape) added before the scaling. */
    public FeatureMap apply(FeatureMap input, FeatureMap addend) {
        return scaled(conv.apply(input).add(addend));
    }

    private FeatureMap scaled(FeatureMap output) {
        for (int o = 0; o < output.channels(); o++) {
            float[] plane = output.plane(o);
            float scale = outputScale[o];
            for (int i = 0; i < plane.length; i++) {
                plane[i] *= scale;
            }
        }
        return output;
    }
}
