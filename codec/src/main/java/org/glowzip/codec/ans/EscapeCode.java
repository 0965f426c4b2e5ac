package org.glowzip.codec.ans;

/**
 * The code for values outside a window {@code [lo, hi]} of a domain {@code [min, max]} within
 * the {@code int} range, used by {@link QuantizedDistribution} after its escape symbol.
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

    static void push(Message message, int value, Window w) {
        long rank = rank(value, w);
        long count = w.outside();
        int length = 63 - Long.numberOfLeadingZeros(rank + 1);
        offsetCodec(length, count).pushInt(message, (int) (rank + 1 - (1L << length)));
        lengthCodec(count).pushInt(message, length);
    }

    static int pop(Message message, Window w) {
        long count = w.outside();
        int length = lengthCodec(count).popInt(message);
        long rank = (1L << length) + offsetCodec(length, count).popInt(message) - 1;
        return value(rank, w);
    }

    static double informationContent(int value, Window w) {
        long rank = rank(value, w);
        long count = w.outside();
        int length = 63 - Long.numberOfLeadingZeros(rank + 1);
        return lengthCodec(count).informationContent(length)
                + offsetCodec(length, count).informationContent((int) (rank + 1 - (1L << length)));
    }

    /** The directly coded window {@code [lo, hi]} inside the domain {@code [min, max]}. */
    record Window(long min, long max, long lo, long hi) {
        long outside() {
            return (max - min + 1) - (hi - lo + 1);
        }
    }

    /** Lengths {@code c} with {@code 2^c <= count}; the window never covers the whole domain. */
    private static Uniform lengthCodec(long count) {
        return Uniform.of(64 - Long.numberOfLeadingZeros(count));
    }

    /** Offsets {@code o} with {@code 2^c + o <= count}. */
    private static Uniform offsetCodec(int length, long count) {
        return Uniform.of(Math.min(1L << length, count + 1 - (1L << length)));
    }

    private static long rank(long value, Window w) {
        long below = w.lo - w.min;
        long above = w.max - w.hi;
        long both = Math.min(below, above);
        boolean isAbove = value > w.hi;
        long distance = isAbove ? value - w.hi - 1 : w.lo - 1 - value;
        if (distance < both) {
            return 2 * distance + (isAbove ? 0 : 1);
        }
        return both + distance;
    }

    private static int value(long rank, Window w) {
        long below = w.lo - w.min;
        long above = w.max - w.hi;
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
        return (int) (isAbove ? w.hi + 1 + distance : w.lo - 1 - distance);
    }
}
