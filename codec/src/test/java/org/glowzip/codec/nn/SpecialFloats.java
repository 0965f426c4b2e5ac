package org.glowzip.codec.nn;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Floats whose arithmetic has its own rules, and arrays mixing them with ordinary ones, for the kernels' agreement tests. */
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

    /** {@code n} values: one of {@code specials} with probability {@code specialPerMille / 1000}, else a Gaussian at one of the {@link #SCALES}. */
    public static float[] mixed(SplittableRandom random, int n, int specialPerMille, float[] specials) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(1000) < specialPerMille
                    ? specials[random.nextInt(specials.length)]
                    : (float) random.nextGaussian() * SCALES[random.nextInt(SCALES.length)];
        }
        return values;
    }

    /** The values' bits, NaN payloads made one ({@link Float#floatToIntBits}), to compare arrays bit for bit. */
    public static int[] intBits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToIntBits(values[i]);
        }
        return bits;
    }
}
