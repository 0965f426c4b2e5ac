package org.glowzip.codec.ans;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The categorical codec over {@code [0, counts.length)} from an integer frequency table.
 *
 * <p>The counts are scaled to {@code 2^precision} slots. Every symbol with a positive count gets
 * at least one slot, so every symbol that can occur is encodable; symbols with count zero get
 * none and cannot be pushed. Scaling is exact integer arithmetic: slot boundary {@code i} is
 * {@code floor(C(i) * (2^precision - k) / total) + k(i)}, where {@code C(i)} is the cumulative
 * count, {@code k} the number of positive counts and {@code k(i)} of those before symbol {@code i}.
 */
public final class Categorical implements IntCodec {
    private final int precision;
    /** {@code cumulative[i]} is the first slot of symbol {@code i}; {@code cumulative[n] = 2^precision}. */
    private final int[] cumulative;

    /**
     * @param counts    non-negative counts, at least one and at most {@code 2^precision} of them positive
     * @param precision slots are {@code 2^precision}, in {@code [1, 24]}
     */
    public Categorical(long[] counts, int precision) {
        if (precision < 1 || precision > Message.MAX_PRECISION) {
            throw new IllegalArgumentException("precision " + precision + " outside [1, " + Message.MAX_PRECISION + "]");
        }
        long total = 0;
        int positive = 0;
        for (long count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("negative count " + count);
            }
            total = Math.addExact(total, count);
            positive += count > 0 ? 1 : 0;
        }
        if (positive == 0 || positive > 1L << precision) {
            throw new IllegalArgumentException(positive + " positive counts do not fit 2^" + precision + " slots");
        }
        this.precision = precision;
        this.cumulative = new int[counts.length + 1];
        BigInteger free = BigInteger.valueOf((1L << precision) - positive);
        BigInteger bigTotal = BigInteger.valueOf(total);
        long sum = 0;
        int seen = 0;
        for (int i = 0; i < counts.length; i++) {
            cumulative[i] = BigInteger.valueOf(sum).multiply(free).divide(bigTotal).intValueExact() + seen;
            sum += counts[i];
            seen += counts[i] > 0 ? 1 : 0;
        }
        cumulative[counts.length] = 1 << precision;
    }

    /** The number of symbols, including those with count zero. */
    public int size() {
        return cumulative.length - 1;
    }

    /** Slots held by {@code symbol}, out of {@code 2^precision}. */
    public int frequency(int symbol) {
        checkSymbol(symbol);
        return cumulative[symbol + 1] - cumulative[symbol];
    }

    @Override
    public void pushInt(Message message, int symbol) {
        int freq = frequency(symbol);
        if (freq == 0) {
            throw new IllegalArgumentException("symbol " + symbol + " has count zero");
        }
        message.push(cumulative[symbol], freq, precision);
    }

    @Override
    public int popInt(Message message) {
        int slot = message.peek(precision);
        int symbol = Arrays.binarySearch(cumulative, slot);
        if (symbol < 0) {
            symbol = -symbol - 2;
        } else {
            while (cumulative[symbol + 1] == slot) { // skip count-zero symbols sharing the boundary
                symbol++;
            }
        }
        message.pop(cumulative[symbol], cumulative[symbol + 1] - cumulative[symbol], precision);
        return symbol;
    }

    @Override
    public double informationContent(int symbol) {
        return Bits.slotInformation(frequency(symbol), precision);
    }

    private void checkSymbol(int symbol) {
        if (symbol < 0 || symbol >= size()) {
            throw new IllegalArgumentException("symbol " + symbol + " outside [0, " + size() + ")");
        }
    }
}
