package org.glowzip.codec.modelfile;

/**
 * How a coupling layer of the flow changes the transformed half of its input, and so how many
 * output channels its network has per transformed channel. The {@link #code()} is the byte stored
 * in a model file. {@link GlowLayout} gives the exact definitions.
 */
public enum CouplingType {
    /** {@code y_b = (x_b + t(x_a)) * sigmoid(h(x_a) + 2)}: a shift and a scale. */
    AFFINE(0, 2),
    /** {@code y_b = x_b + t(x_a)}: a shift only, volume preserving. */
    ADDITIVE(1, 1),
    /**
     * {@code y_b = logit(F(x_b + t)) * sigmoid(h + 2)}, F the CDF of a mixture of
     * {@value GlowLayout#MIXTURE_COMPONENTS} logistics whose weights, means and log-scales the
     * network also gives: an affine coupling whose shift is bent by a monotone curve.
     */
    MIXTURE(2, 2 + 3 * GlowLayout.MIXTURE_COMPONENTS);

    private final int code;
    private final int outputsPerChannel;

    CouplingType(int code, int outputsPerChannel) {
        this.code = code;
        this.outputsPerChannel = outputsPerChannel;
    }

    /** The byte that stands for this type in a model file. */
    public int code() {
        return code;
    }

    /** Output channels of the coupling network per transformed channel. */
    public int outputsPerChannel() {
        return outputsPerChannel;
    }

    /** The type whose {@link #code()} is {@code code}, or {@code null} if there is none. */
    public static CouplingType fromCode(int code) {
        for (CouplingType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
