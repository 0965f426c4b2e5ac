package org.glowzip.codec.context;

/**
 * The rANS slots of the distribution that {@value ContextModel#SYMBOLS} float logits give, as
 * {@link ContextModel#cumulative} makes them but from a table instead of an {@code exp} per symbol,
 * in integer arithmetic from the table on: the same slots on every JVM, at a fraction of the cost.
 *
 * <h2>Definition</h2>
 * With {@code m} the largest logit (the first of equal ones: the likeliest symbol) and, for each
 * symbol {@code s}:
 * <pre>
 *   d_s     = m - logit_s                                 (float)
 *   k_s     = (int) min(d_s * 256, LIMIT)                 (exact: 256 is a power of 2; (int) NaN = 0)
 *   w_s     = TABLE[k_s],  TABLE[k] = round(2^30 * exp(-k / 256)) by StrictMath, 0 from LIMIT on
 *   S       = sum of w_s                                  (long)
 *   scale   = floor(spare * 2^32 / S),  spare = 2^20 - 256
 *   count_s = 1 + floor(w_s * scale / 2^32),  and the likeliest also gets 2^20 - sum of count_s
 * </pre>
 * symbol s holds slots {@code [cumulative[s], cumulative[s + 1])} of {@code 2^}{@value ContextModel#PRECISION},
 * {@code cumulative[0] = 0}. {@code LIMIT} is the first k whose table entry rounds to 0
 * ({@value #LIMIT}: {@code exp(-LIMIT / 256) < 2^-31}). The table is built once with
 * {@link StrictMath#exp}, which gives the same doubles on every JVM; everything after it is integer.
 *
 * <h2>Bounds</h2>
 * <ul>
 *   <li>{@code 0 <= w_s <= 2^30}, and the likeliest symbol has {@code d = +0} ({@code k = 0},
 *       {@code w = 2^30}; NaN when {@code m} is infinite, {@code k = 0} again), so
 *       {@code 2^30 <= S <= 256 * 2^30 = 2^38}: no division by zero.
 *   <li>{@code spare * 2^32 < 2^52} and {@code scale <= spare * 2^32 / 2^30 < 2^22}, so
 *       {@code w_s * scale < 2^52}: every product fits a long.
 *   <li>{@code sum of floor(w_s * scale / 2^32) <= scale * S / 2^32 <= spare}, so the counts
 *       before the left-over sum to at most {@code 256 + spare = 2^20}: the left-over is
 *       {@code >= 0}, every count is {@code >= 1}, the boundaries strictly increase and the last
 *       is exactly {@code 2^20}, for any floats, NaN and infinities included.
 * </ul>
 *
 * <h2>Rate</h2>
 * A symbol's weight is {@code exp(-d)} rounded up to the table's step of 1/256 in {@code d}
 * (a factor below {@code e^(1/256)}, 0.4%, about the same for all unlikely symbols), and
 * {@code scale} loses less than a quarter slot per symbol. On the bundled Fashion-MNIST model's
 * logits of real images the code costs about {@code 2e-5} bits per sample more than
 * {@link ContextModel#cumulative}'s, of 2.9 ({@code glowzip convbench} measures it).
 */
public final class TableSoftmax {
    private static final int SYMBOLS = ContextModel.SYMBOLS;
    private static final int TOTAL = 1 << ContextModel.PRECISION;
    private static final long SPARE = TOTAL - SYMBOLS;
    /** The first k whose table entry rounds to 0: every larger d weighs 0 too. */
    static final int LIMIT = 5501;
    /** {@code round(2^30 * exp(-k / 256))} for {@code k = 0..LIMIT}. */
    private static final int[] TABLE = table();

    private TableSoftmax() {
    }

    private static int[] table() {
        int[] table = new int[LIMIT + 1];
        for (int k = 0; k <= LIMIT; k++) {
            table[k] = (int) Math.round(0x1p30 * StrictMath.exp(-k / 256.0));
        }
        return table;
    }

    /**
     * Writes the slot boundaries of the logits {@code logits[offset .. offset + 255]} into
     * {@code cumulative[0 .. 256]} (see the class comment).
     */
    public static void slots(float[] logits, int offset, int[] cumulative) {
        int likeliest = ContextModel.likeliest(logits, offset);
        float max = logits[offset + likeliest];
        long sum = 0;
        for (int s = 0; s < SYMBOLS; s++) { // weights first, at s + 1
            int steps = (int) ((max - logits[offset + s]) * 256f); // (int) saturates, so min((int) x, LIMIT) = (int) min(x, LIMIT)
            int weight = TABLE[Math.min(steps, LIMIT)];
            cumulative[s + 1] = weight;
            sum += weight;
        }
        long scale = (SPARE << 32) / sum;
        int used = 0;
        for (int s = 0; s < SYMBOLS; s++) { // then slot counts
            int count = 1 + (int) (cumulative[s + 1] * scale >>> 32);
            cumulative[s + 1] = count;
            used += count;
        }
        cumulative[likeliest + 1] += TOTAL - used;
        cumulative[0] = 0;
        for (int s = 0; s < SYMBOLS; s++) {
            cumulative[s + 1] += cumulative[s];
        }
    }

    /**
     * The symbol whose slots hold {@code slot}: the s with
     * {@code cumulative[s] <= slot < cumulative[s + 1]}, for boundaries like those of
     * {@link #slots} (257 of them, from 0, non-decreasing, up to {@code 2^20 > slot}); a branch-free
     * binary search of 8 steps.
     */
    public static int symbol(int[] cumulative, int slot) {
        int s = 0;
        for (int step = SYMBOLS / 2; step > 0; step >>= 1) {
            s += cumulative[s + step] <= slot ? step : 0;
        }
        return s;
    }
}
