package org.glowzip.codec.ans;

/**
 * A continuous distribution with a mean and a scale, discretized over integer bins: bin
 * {@code v} is {@code [v - 1/2, v + 1/2)}. Every {@code int} is encodable, whatever the mean and
 * the scale.
 *
 * <h2>Slots</h2>
 * The bins (or groups, below) of a window {@code [lo, hi]} around the mean (half-width
 * {@code ceil(shape.tailBound(precision) * scale) + 1}, at most {@code 2^precision / 4 - 1}, clipped to the
 * {@code int} range) are coded directly; one more symbol, the escape, holds the mass of both
 * tails and is followed by an {@link EscapeCode} of the value. With {@code m} symbols and
 * {@code K = 2^precision - m}, symbol {@code i} (escape first, then the bins from {@code lo})
 * starts at slot {@code floor(G(i) * K / 2^32) + i}, where {@code G} is the cumulative mass
 * from {@link Shape#cdf} in units of {@code 2^-32}. So every symbol has at least one slot, the
 * slots are computed from the value alone in O(1), and popping finds a symbol by bisection.
 *
 * <h2>Groups</h2>
 * When the scale is wide, bins are first gathered into groups of {@code 2^g} adjacent bins so
 * that the scale spans at most {@code 2^max(3, precision - 15)} groups: the value's position in
 * its group is pushed uniformly ({@code g} bits), then the group as above. At 24 bits a group
 * is under 1/256 of the scale, so across a group the density changes by at most 1.2% within
 * three scales of the mean (a bin's cost by about 0.01 bit there, on average far less),
 * while giving every fine bin its own slot would waste up to half the slots. The window and the
 * escape then work on groups.
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
    private final int groupScaleBits;
    private final int maxGroupBits;

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
        this.groupScaleBits = Math.max(3, precision - 15);
        this.maxGroupBits = 31 - precision; // the group domain keeps at least 2^(precision+1) values: always an escape
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
        if (bins.groupBits > 0) {
            Uniform.ofBits(bins.groupBits).pushInt(message, value & ((1 << bins.groupBits) - 1));
        }
        int group = value >> bins.groupBits;
        if (group < bins.lo || group > bins.hi) {
            EscapeCode.push(message, group, bins.window());
            message.push(0, (int) bins.start(1), precision);
        } else {
            int symbol = (int) (group - bins.lo) + 1;
            long start = bins.start(symbol);
            message.push((int) start, (int) (bins.start(symbol + 1) - start), precision);
        }
    }

    /** Pops a value pushed under this distribution with the given mean and scale. */
    public int pop(Message message, double mean, double scale) {
        Bins bins = new Bins(mean, scale);
        int group = popGroup(message, bins);
        return bins.groupBits == 0 ? group : (group << bins.groupBits) | Uniform.ofBits(bins.groupBits).popInt(message);
    }

    private int popGroup(Message message, Bins bins) {
        int slot = message.peek(precision);
        long escapeEnd = bins.start(1);
        if (slot < escapeEnd) {
            message.pop(0, (int) escapeEnd, precision);
            return EscapeCode.pop(message, bins.window());
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
        int group = value >> bins.groupBits;
        if (group < bins.lo || group > bins.hi) {
            return bins.groupBits + Bits.slotInformation(bins.start(1), precision) + EscapeCode.informationContent(group, bins.window());
        }
        int symbol = (int) (group - bins.lo) + 1;
        return bins.groupBits + Bits.slotInformation(bins.start(symbol + 1) - bins.start(symbol), precision);
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

    /**
     * The window of directly coded groups for one mean and scale. A group is {@code 2^groupBits}
     * adjacent bins, enough that the scale spans fewer than {@code 2^(precision - 15)} groups
     * (at least 8): bins much finer than the scale would otherwise each hold a slot while
     * carrying almost no mass. Groups are bins in units of {@code 2^groupBits}:
     * {@code u = (x + 1/2) / 2^groupBits - 1/2}.
     */
    private final class Bins {
        final int groupBits;
        final double mean;
        final double scale;
        final long min;
        final long max;
        final long lo;
        final long hi;
        final long freeSlots;
        final long upperTail;

        Bins(double mean, double scale) {
            if (!Double.isFinite(mean) || !Double.isFinite(scale) || !(scale > 0)) {
                throw new IllegalArgumentException("mean " + mean + " and scale " + scale + " must be finite, scale positive");
            }
            groupBits = Math.max(0, Math.min(maxGroupBits, Math.getExponent(scale) - groupScaleBits + 1));
            double unit = 1L << groupBits;
            this.mean = (mean + 0.5) / unit - 0.5;
            this.scale = scale / unit;
            min = Integer.MIN_VALUE >> groupBits;
            max = Integer.MAX_VALUE >> groupBits;
            double reach = StrictMath.ceil(tailBound * this.scale) + 1;
            long radius = reach >= maxRadius ? maxRadius : (long) reach;
            long center = (long) Math.max(min, Math.min(max, StrictMath.floor(this.mean)));
            lo = Math.max(min, center - radius);
            hi = Math.min(max, center + radius);
            freeSlots = (1L << precision) - symbols();
            upperTail = Shape.ONE - cdfAt(hi + 0.5);
        }

        int symbols() {
            return (int) (hi - lo + 2);
        }

        EscapeCode.Window window() {
            return new EscapeCode.Window(min, max, lo, hi);
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
