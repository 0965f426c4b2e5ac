package org.glowzip.codec.ans;

/** Information measured in bits. */
final class Bits {
    private static final double LN2 = StrictMath.log(2);

    private Bits() {
    }

    /** {@code log2(x)}, through {@link StrictMath} so that it is the same on every platform. */
    static double log2(double x) {
        return StrictMath.log(x) / LN2;
    }

    /** The information content of a symbol holding {@code freq} of {@code 2^precision} slots. */
    static double slotInformation(long freq, int precision) {
        return precision - log2(freq);
    }
}
