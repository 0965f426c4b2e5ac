package org.glowzip.codec.ans;

/**
 * A continuous distribution with a mean and a scale, discretized over integer bins: bin
 * {@code v} is {@code [v - 1/2, v + 1/2)}. Every {@code int} is encodable, whatever the mean and
 * the scale.
 *
 * <h2>Slots</h2>
 * The bins of a window {@code [lo, hi]} around the mean (half-width
 * {@code ceil(shape.tailBound(precision) * scale) + 1}, at most {@code 2^precision / 4 - 1}, clipped to the
 * {@code int} range) are coded directly; one more symbol, the escape, holds the mass of both
 * tails and is followed by an {@link EscapeCode} of the value. With {@code m} symbols and
 * {@code K = 2^precision - m}, symbol {@code i} (escape first, then the bins from {@code lo})
 * starts at slot {@code floor(G(i) * K / 2^32) + i}, where {@code G} is the cumulative mass
 * from {@link Shape#cdf} in units of {@code 2^-32}. So every symbol has at least one slot, the
 * slots are computed from the value alone in O(1), and popping finds a symbol by bisection.
 *
 * <p>Everything here is integer arithmetic or exactly rounded IEEE operations, so encoder and
 * decoder agree on every platform.
 */
public final class QuantizedDistribution {
    /** Smallest precision: a window of at least 3 bins and the escape fit in half the slots. */
    public static final int MIN_PRECISION = 3;

    private final Shape shape;
    private final int precision;
    private final long maxRadius;
    private final double tailBound;

    /**
     * @param shape     the standardized distribution
     * @param precision slots are {@code 2^precision}, in {@code [3, 24]}
     */
    public QuantizedDistribution(Shape shape, int precision) {
        if (precision < MIN_PRECISION || precision > Message.MAX_PRECISION) {
            throw new IllegalArgumentException("precision " + precision + " outside [" + MIN_PRECISION + ", " + Message.MAX_PRECISION + "]");
        }
        this.shape = shape;
        this.precision = precision;
        this.maxRadius = (1L << (precision - 2)) - 1;
        this.tailBound = shape.tailBound(precision);
    }

    public Shape shape() {
        return shape;
    }

    public int precision() {
        return precision;
    }

    /** Pushes {@code value} under this distribution with the given mean and scale. */
    public void push(Message message, int value, double mean, double scale) {
        Bins bins = new Bins(mean, scale);
        if (value < bins.lo || value > bins.hi) {
            EscapeCode.push(message, value, bins.lo, bins.hi);
            message.push(0, (int) bins.start(1), precision);
        } else {
            int symbol = (int) (value - bins.lo) + 1;
            long start = bins.start(symbol);
            message.push((int) start, (int) (bins.start(symbol + 1) - start), precision);
        }
    }

    /** Pops a value pushed under this distribution with the given mean and scale. */
    public int pop(Message message, double mean, double scale) {
        Bins bins = new Bins(mean, scale);
        int slot = message.peek(precision);
        long escapeEnd = bins.start(1);
        if (slot < escapeEnd) {
            message.pop(0, (int) escapeEnd, precision);
            return EscapeCode.pop(message, bins.lo, bins.hi);
        }
        int low = 1;
        int high = bins.symbols() - 1; // invariant: start(low) <= slot < start(high + 1); start(symbols) = 2^precision
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (bins.start(mid) <= slot) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        long start = bins.start(low);
        message.pop((int) start, (int) (bins.start(low + 1) - start), precision);
        return (int) (bins.lo + low - 1);
    }

    /** {@code -log2} of the probability with which {@link #push} codes {@code value}, in bits. */
    public double informationContent(int value, double mean, double scale) {
        Bins bins = new Bins(mean, scale);
        if (value < bins.lo || value > bins.hi) {
            return Bits.slotInformation(bins.start(1), precision) + EscapeCode.informationContent(value, bins.lo, bins.hi);
        }
        int symbol = (int) (value - bins.lo) + 1;
        return Bits.slotInformation(bins.start(symbol + 1) - bins.start(symbol), precision);
    }

    /** This distribution with a fixed mean and scale, as a codec. */
    public IntCodec codec(double mean, double scale) {
        new Bins(mean, scale); // validates the parameters now rather than at the first push
        return new IntCodec() {
            @Override
            public void pushInt(Message message, int symbol) {
                QuantizedDistribution.this.push(message, symbol, mean, scale);
            }

            @Override
            public int popInt(Message message) {
                return QuantizedDistribution.this.pop(message, mean, scale);
            }

            @Override
            public double informationContent(int symbol) {
                return QuantizedDistribution.this.informationContent(symbol, mean, scale);
            }

            @Override
            public String toString() {
                return shape + "(mean=" + mean + ", scale=" + scale + ", precision=" + precision + ")";
            }
        };
    }

    /** First slot of window symbol {@code index} (0 = escape, 1.. = bins from lo); package-private for tests. */
    long start(int index, double mean, double scale) {
        return new Bins(mean, scale).start(index);
    }

    /** Number of symbols, escape included, for this mean and scale; package-private for tests. */
    int symbols(double mean, double scale) {
        return new Bins(mean, scale).symbols();
    }

    /** The window of directly coded bins for one mean and scale. */
    private final class Bins {
        final double mean;
        final double scale;
        final long lo;
        final long hi;
        final long freeSlots;
        final long upperTail;

        Bins(double mean, double scale) {
            if (!Double.isFinite(mean) || !Double.isFinite(scale) || !(scale > 0)) {
                throw new IllegalArgumentException("mean " + mean + " and scale " + scale + " must be finite, scale positive");
            }
            this.mean = mean;
            this.scale = scale;
            double reach = StrictMath.ceil(tailBound * scale) + 1;
            long radius = reach >= maxRadius ? maxRadius : (long) reach;
            long center = (long) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, StrictMath.floor(mean)));
            lo = Math.max(Integer.MIN_VALUE, center - radius);
            hi = Math.min(Integer.MAX_VALUE, center + radius);
            freeSlots = (1L << precision) - symbols();
            upperTail = Shape.ONE - cdfAt(hi + 0.5);
        }

        int symbols() {
            return (int) (hi - lo + 2);
        }

        long start(int index) {
            if (index == 0) {
                return 0;
            }
            long mass = upperTail + cdfAt(lo - 0.5 + (index - 1));
            return (mass * freeSlots >>> 32) + index;
        }

        private long cdfAt(double edge) {
            return shape.cdf((edge - mean) / scale);
        }
    }
}
