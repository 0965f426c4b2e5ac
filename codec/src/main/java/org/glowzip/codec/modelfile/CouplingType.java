package org.glowzip.codec.modelfile;

/**
 * How an affine-coupling layer of the flow changes the transformed half of its input.
 * The {@link #code()} is the byte stored in a model file.
 */
public enum CouplingType {
    /** {@code y_b = (x_b + t(x_a)) * sigmoid(h(x_a) + 2)}: a shift and a scale. */
    AFFINE(0),
    /** {@code y_b = x_b + t(x_a)}: a shift only, volume preserving. */
    ADDITIVE(1);

    private final int code;

    CouplingType(int code) {
        this.code = code;
    }

    /** The byte that stands for this type in a model file. */
    public int code() {
        return code;
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
