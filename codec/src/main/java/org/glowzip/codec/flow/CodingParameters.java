package org.glowzip.codec.flow;

/**
 * The numbers that fix how the integer flow codes an image; a stream records them in its header.
 *
 * <p>Values of the flow are fixed-point integers with {@code fractionalBits} bits after the
 * point, in the units of the float model (whose input is {@code x / 256 - 1/2}). Dequantization
 * therefore adds {@code fractionalBits - 8} bits of noise to each 8-bit sample. Scales are
 * rationals {@code R / 2^scaleBits}. Latents are coded with {@code priorPrecision}-bit
 * frequencies.
 *
 * @param fractionalBits P, 8 (no dequantization noise) to 20
 * @param scaleBits      denominator bits of every scale, 8 to 20
 * @param priorPrecision frequency precision of the prior codecs, 12 to 24
 */
public record CodingParameters(int fractionalBits, int scaleBits, int priorPrecision) {
    /** The defaults: 14 fractional bits (6 noise bits per sample), 16 scale bits, 24-bit priors. */
    public static final CodingParameters DEFAULT = new CodingParameters(14, 16, 24);

    public CodingParameters {
        String problem = problem(fractionalBits, scaleBits, priorPrecision);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** What is wrong with these values, or {@code null}; for readers that report malformed input. */
    public static String problem(int fractionalBits, int scaleBits, int priorPrecision) {
        if (fractionalBits < 8 || fractionalBits > 20) {
            return "fractional bits " + fractionalBits + " outside [8, 20]";
        }
        if (scaleBits < 8 || scaleBits > 20) {
            return "scale bits " + scaleBits + " outside [8, 20]";
        }
        if (priorPrecision < 12 || priorPrecision > 24) {
            return "prior precision " + priorPrecision + " outside [12, 24]";
        }
        return null;
    }

    /** Bits of dequantization noise per sample. */
    public int noiseBits() {
        return fractionalBits - 8;
    }

    /** {@code 2^fractionalBits}: the fixed-point value of 1. */
    public double one() {
        return 1L << fractionalBits;
    }

    /** The fixed-point integer nearest to {@code value} (saturating; NaN gives 0). */
    public long toFixed(double value) {
        return Math.round(value * one());
    }

    /** The float-model value of fixed-point {@code value}. */
    public float toFloat(long value) {
        return (float) (value / one());
    }

    /** The numerator {@code R} of the rational {@code R / 2^scaleBits} nearest to {@code scale > 0}, at least 1. */
    public int scaleNumerator(double scale) {
        double r = Math.rint(scale * (1 << scaleBits));
        if (!(r < Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("scale " + scale + " too large for " + scaleBits + " scale bits");
        }
        return (int) Math.max(1, r);
    }

    /** {@code 2^scaleBits}, the denominator of every scale. */
    public int scaleDenominator() {
        return 1 << scaleBits;
    }
}
