package org.glowzip.codec.ans;

/**
 * The uniform codec over {@code [0, n)}, for any {@code n} in {@code [1, 2^31]}.
 *
 * <p>Up to {@code 2^16} a symbol is one rANS slot range: {@code [v, v + 1)} of {@code n} slots
 * when {@code n} is a power of two (exact); otherwise {@code 2^p} slots with
 * {@code p = bitLength(n) + 8} are dealt out as evenly as possible ({@code q} or {@code q + 1}
 * slots each, {@code q >= 2^8}), which costs at most {@code log2(1 + 1/q) < 0.006} bits more than
 * {@code log2 n} for a symbol, and far less on average.
 *
 * <p>Above {@code 2^16}, {@code v = row * 2^s + column} with {@code s = bitLength(n) - 16}:
 * the column is pushed uniformly over its row's length ({@code 2^s}, or what remains of {@code n}
 * on the last row) and then the row uniformly over the {@code ceil(n / 2^s) <= 2^16} rows.
 * Every (row, column) pair is a valid symbol, so pops are total, and a symbol costs at most
 * {@code log2(rows / (rows - 1)) < 0.0001} bits more than {@code log2 n}.
 */
public final class Uniform implements IntCodec {
    private static final long DIRECT_LIMIT = 1 << 16;

    private final long size;
    // direct form (size <= 2^16)
    private final int precision;
    private final int quotient;
    private final int remainder;
    // row/column form (size > 2^16)
    private final int columnBits;
    private final Uniform rows;
    private final Uniform fullRow;
    private final Uniform lastRow;

    /** Codecs for sizes up to {@code 2^16}, made on first use: the flow asks for them per sample. */
    private static final Uniform[] SMALL = new Uniform[(int) DIRECT_LIMIT + 1];

    /** The uniform codec over {@code [0, n)}, {@code 1 <= n <= 2^31}. */
    public static Uniform of(long n) {
        if (n < 1 || n > 1L << 31) {
            throw new IllegalArgumentException("uniform size " + n + " outside [1, 2^31]");
        }
        if (n > DIRECT_LIMIT) {
            return new Uniform(n);
        }
        Uniform cached = SMALL[(int) n];
        if (cached == null) {
            cached = new Uniform(n); // immutable: a race only makes an equal twin
            SMALL[(int) n] = cached;
        }
        return cached;
    }

    /** The uniform codec of {@code bits}-bit values, {@code 0 <= bits <= 31}. */
    public static Uniform ofBits(int bits) {
        if (bits < 0 || bits > 31) {
            throw new IllegalArgumentException("uniform bit count " + bits + " outside [0, 31]");
        }
        return of(1L << bits);
    }

    private Uniform(long size) {
        this.size = size;
        if (size <= DIRECT_LIMIT) {
            precision = Long.bitCount(size) == 1
                    ? Long.numberOfTrailingZeros(size)
                    : 64 - Long.numberOfLeadingZeros(size) + 8;
            quotient = (int) ((1L << precision) / size);
            remainder = (int) ((1L << precision) % size);
            columnBits = 0;
            rows = null;
            fullRow = null;
            lastRow = null;
        } else {
            precision = 0;
            quotient = 0;
            remainder = 0;
            columnBits = 64 - Long.numberOfLeadingZeros(size) - 16;
            long rowCount = (size + (1L << columnBits) - 1) >>> columnBits;
            rows = new Uniform(rowCount);
            fullRow = new Uniform(1L << columnBits);
            lastRow = new Uniform(size - ((rowCount - 1) << columnBits));
        }
    }

    /** The number of symbols. */
    public long size() {
        return size;
    }

    @Override
    public void pushInt(Message message, int symbol) {
        checkSymbol(symbol);
        if (rows == null) {
            if (precision > 0) {
                message.push(start(symbol), slots(symbol), precision);
            }
            return;
        }
        int row = symbol >>> columnBits;
        rowCodec(row).pushInt(message, symbol & ((1 << columnBits) - 1));
        rows.pushInt(message, row);
    }

    @Override
    public int popInt(Message message) {
        if (rows == null) {
            if (precision == 0) {
                return 0;
            }
            int symbol = symbolAt(message.peek(precision));
            message.pop(start(symbol), slots(symbol), precision);
            return symbol;
        }
        int row = rows.popInt(message);
        return (row << columnBits) | rowCodec(row).popInt(message);
    }

    @Override
    public double informationContent(int symbol) {
        checkSymbol(symbol);
        if (rows == null) {
            return Bits.slotInformation(slots(symbol), precision);
        }
        int row = symbol >>> columnBits;
        return rows.informationContent(row) + rowCodec(row).informationContent(symbol & ((1 << columnBits) - 1));
    }

    private Uniform rowCodec(int row) {
        return row == rows.size - 1 ? lastRow : fullRow;
    }

    private int start(int symbol) {
        return symbol * quotient + Math.min(symbol, remainder);
    }

    private int slots(int symbol) {
        return symbol < remainder ? quotient + 1 : quotient;
    }

    private int symbolAt(int slot) {
        int wide = remainder * (quotient + 1);
        return slot < wide ? slot / (quotient + 1) : remainder + (slot - wide) / quotient;
    }

    private void checkSymbol(int symbol) {
        if (symbol < 0 || symbol >= size) {
            throw new IllegalArgumentException("symbol " + symbol + " outside [0, " + size + ")");
        }
    }

    @Override
    public String toString() {
        return "Uniform(" + size + ")";
    }
}
