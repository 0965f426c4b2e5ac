package org.glowzip.codec.flow;

/**
 * The numbers that fix how the integer flow codes an image; a stream records them in its header.
 *
 * <p>An image coded bits-back enters the flow as integers with {@code fractionalBits} bits
 * below the unit of the float model's input {@code x / 256 - 1/2}: each 8-bit sample gets
 * {@code fractionalBits - 8} bits of dequantization noise (see {@link IntGlow} for the pop-free
 * images, which get none). Coupling scales are rationals {@code S / 2^scaleBits}. Latents are
 * coded with {@code priorPrecision}-bit frequencies.
 *
 * <p>A model file without a context model codes pop-free images with the flow, in units of at
 * most {@code 2^-popFreeBits} of the model's input scale. Finer units need refinement bits popped
 * before the image has pushed enough to repay them; coarser ones move the integer flow further
 * from the float model; 5 cost least with the Fashion-MNIST Glow ({@code glowzip initial-bits
 * --pop-free-bits 1,2,3,4,5,6,8} measures them). With a context model it is not used.
 *
 * @param fractionalBits P, 8 (no dequantization noise) to 20
 * @param scaleBits      denominator bits of every scale, 8 to 20
 * @param priorPrecision frequency precision of the prior codecs, 12 to 24
 * @param popFreeBits    resolution of pop-free images, 0 to 20
 */
public record CodingParameters(int fractionalBits, int scaleBits, int priorPrecision, int popFreeBits) {
    /** The defaults: 14 fractional bits (6 noise bits per sample), 16 scale bits, 24-bit priors, pop-free units of 2^-5. */
    public static final CodingParameters DEFAULT = new CodingParameters(14, 16, 24, 5);

    public CodingParameters {
        String problem = problem(fractionalBits, scaleBits, priorPrecision, popFreeBits);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** What is wrong with these values, or {@code null}; for readers that report malformed input. */
    public static String problem(int fractionalBits, int scaleBits, int priorPrecision, int popFreeBits) {
        if (fractionalBits < 8 || fractionalBits > 20) {
            return "fractional bits " + fractionalBits + " outside [8, 20]";
        }
        if (scaleBits < 8 || scaleBits > 20) {
            return "scale bits " + scaleBits + " outside [8, 20]";
        }
        if (priorPrecision < 12 || priorPrecision > 24) {
            return "prior precision " + priorPrecision + " outside [12, 24]";
        }
        if (popFreeBits < 0 || popFreeBits > 20) {
            return "pop-free resolution bits " + popFreeBits + " outside [0, 20]";
        }
        return null;
    }

    /** Bits of dequantization noise per sample. */
    public int noiseBits() {
        return fractionalBits - 8;
    }
}
