package org.glowzip.codec.ans;

/**
 * The code for values outside a window {@code [lo, hi]} of the {@code int} range, used by
 * {@link QuantizedDistribution} after its escape symbol.
 *
 * <p>The values outside the window are ranked by their distance from it, alternating above and
 * below ({@code hi+1, lo-1, hi+2, lo-2, ...}, then the longer side alone). Rank {@code r} is
 * coded Elias-gamma style: the bit length {@code c} of {@code r + 1} uniformly over the possible
 * lengths, then the low {@code c} bits uniformly over what that length allows. Every pair of
 * length and offset is a valid value, so pops are total, and a value at distance {@code d} costs
 * about {@code log2(d) + 5} bits.
 */
final class EscapeCode {
    private EscapeCode() {
    }

    static void push(Message message, int value, long lo, long hi) {
        long rank = rank(value, lo, hi);
        long count = outside(lo, hi);
        int length = 63 - Long.numberOfLeadingZeros(rank + 1);
        offsetCodec(length, count).pushInt(message, (int) (rank + 1 - (1L << length)));
        lengthCodec(count).pushInt(message, length);
    }

    static int pop(Message message, long lo, long hi) {
        long count = outside(lo, hi);
        int length = lengthCodec(count).popInt(message);
        long rank = (1L << length) + offsetCodec(length, count).popInt(message) - 1;
        return value(rank, lo, hi);
    }

    static double informationContent(int value, long lo, long hi) {
        long rank = rank(value, lo, hi);
        long count = outside(lo, hi);
        int length = 63 - Long.numberOfLeadingZeros(rank + 1);
        return lengthCodec(count).informationContent(length)
                + offsetCodec(length, count).informationContent((int) (rank + 1 - (1L << length)));
    }

    private static long outside(long lo, long hi) {
        return (1L << 32) - (hi - lo + 1);
    }

    /** Lengths {@code c} with {@code 2^c <= count}. */
    private static Uniform lengthCodec(long count) {
        return Uniform.of(64 - Long.numberOfLeadingZeros(count));
    }

    /** Offsets {@code o} with {@code 2^c + o <= count}. */
    private static Uniform offsetCodec(int length, long count) {
        return Uniform.of(Math.min(1L << length, count + 1 - (1L << length)));
    }

    private static long rank(long value, long lo, long hi) {
        long below = lo - Integer.MIN_VALUE;
        long above = Integer.MAX_VALUE - hi;
        long both = Math.min(below, above);
        boolean isAbove = value > hi;
        long distance = isAbove ? value - hi - 1 : lo - 1 - value;
        if (distance < both) {
            return 2 * distance + (isAbove ? 0 : 1);
        }
        return both + distance;
    }

    private static int value(long rank, long lo, long hi) {
        long below = lo - Integer.MIN_VALUE;
        long above = Integer.MAX_VALUE - hi;
        long both = Math.min(below, above);
        boolean isAbove;
        long distance;
        if (rank < 2 * both) {
            isAbove = (rank & 1) == 0;
            distance = rank >>> 1;
        } else {
            isAbove = above > below;
            distance = rank - both;
        }
        return (int) (isAbove ? hi + 1 + distance : lo - 1 - distance);
    }
}
