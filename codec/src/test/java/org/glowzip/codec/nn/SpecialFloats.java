package org.glowzip.codec.nn;

import java.util.Arrays;

/** Floats whose arithmetic has its own rules, for the kernels' agreement tests. */
public final class SpecialFloats {
    /** Signed zeros, subnormals, overflow, infinities, NaN. */
    public static final float[] VALUES = {
        0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL / 3, -Float.MIN_NORMAL / 7,
        Float.MAX_VALUE, -Float.MAX_VALUE, 3e37f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
    };
    /** The finite ones, as a model file's weights are. */
    public static final float[] FINITE = Arrays.copyOf(VALUES, 9);
    /** Scales of ordinary values: products of the small ones are subnormal, of the large ones overflow. */
    public static final float[] SCALES = {1f, 1e-20f, 3e-23f, 1e19f};

    private SpecialFloats() {
    }
}
