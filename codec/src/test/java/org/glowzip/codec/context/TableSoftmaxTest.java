package org.glowzip.codec.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.image.Canvas;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.stream.TestImages;
import org.junit.jupiter.api.Test;

class TableSoftmaxTest {
    private static final int SYMBOLS = ContextModel.SYMBOLS;
    private static final int TOTAL = 1 << ContextModel.PRECISION;

    /** Logits of many kinds; see {@link #logits(SplittableRandom, int)}. */
    @Provide
    Arbitrary<float[]> logits() {
        return Arbitraries.longs().flatMap(seed -> Arbitraries.integers().between(0, 7)
                .map(kind -> logits(new SplittableRandom(seed), kind)));
    }

    /**
     * 0: Gaussians times a scale from 0 to 1e30; 1: all equal; 2: one or a few high, the rest
     * 1e30 lower; 3: plus and minus the largest float, whose differences overflow; 4: random bit
     * patterns, NaN and infinities included; 5: a ramp across the table's end; 6: integers, which
     * put many differences exactly on table steps; 7: a peaked distribution like a trained model's.
     */
    private static float[] logits(SplittableRandom random, int kind) {
        float[] logits = new float[SYMBOLS];
        float[] scales = {0f, 1e-6f, 1f, 10f, 1e3f, 1e30f};
        float scale = scales[random.nextInt(scales.length)];
        float constant = (float) random.nextGaussian() * scale;
        for (int s = 0; s < SYMBOLS; s++) {
            logits[s] = switch (kind) {
                case 0 -> (float) random.nextGaussian() * scale;
                case 1 -> constant;
                case 2 -> random.nextInt(50) == 0 ? 3f : -1e30f;
                case 3 -> random.nextBoolean() ? Float.MAX_VALUE : -Float.MAX_VALUE;
                case 4 -> Float.intBitsToFloat(random.nextInt());
                case 5 -> constant - s * (TableSoftmax.LIMIT / 256f / 200f);
                case 6 -> random.nextInt(40) - 20;
                default -> -0.1f * Math.abs(s - 100) + (float) random.nextGaussian();
            };
        }
        return logits;
    }

    @Property(tries = 3000)
    void everySymbolHoldsASlotAndTheSlotsFillTheRange(@ForAll("logits") float[] logits) {
        int[] cumulative = slots(logits);
        assertEquals(0, cumulative[0]);
        assertEquals(TOTAL, cumulative[SYMBOLS]);
        for (int s = 0; s < SYMBOLS; s++) {
            assertTrue(cumulative[s + 1] > cumulative[s], "symbol " + s + " holds no slot");
        }
    }

    /** The likeliest symbol (the first of the largest logits) holds the most slots; equal logits, equal slots except for the left-over. */
    @Property(tries = 1000)
    void slotsFollowTheLogits(@ForAll("logits") float[] logits) {
        int[] cumulative = slots(logits);
        int likeliest = 0;
        for (int s = 1; s < SYMBOLS; s++) {
            likeliest = logits[s] > logits[likeliest] ? s : likeliest;
        }
        for (int s = 0; s < SYMBOLS; s++) {
            for (int t = 0; t < SYMBOLS; t++) {
                if (s != likeliest && t != likeliest && logits[s] >= logits[t]) {
                    assertTrue(count(cumulative, s) >= count(cumulative, t), s + " vs " + t);
                }
            }
            assertTrue(count(cumulative, likeliest) >= count(cumulative, s), "likeliest " + likeliest + " vs " + s);
        }
    }

    @Test
    void allEqualLogitsShareTheSlotsEvenly() {
        int[] cumulative = slots(new float[SYMBOLS]);
        assertEquals(TOTAL / SYMBOLS, count(cumulative, 1));
        assertEquals(TOTAL / SYMBOLS, count(cumulative, SYMBOLS - 1));
        assertEquals(TOTAL - (SYMBOLS - 1) * (TOTAL / SYMBOLS), count(cumulative, 0));
    }

    /** The table's last weight that is not 0 is at {@code LIMIT - 1}; from {@code LIMIT} on, a symbol gets only its one slot. */
    @Test
    void theTableEndsWhereItRoundsToZero() {
        assertEquals(1, Math.round(0x1p30 * StrictMath.exp(-(TableSoftmax.LIMIT - 1) / 256.0)));
        assertEquals(0, Math.round(0x1p30 * StrictMath.exp(-TableSoftmax.LIMIT / 256.0)));
        float[] logits = new float[SYMBOLS];
        logits[1] = -TableSoftmax.LIMIT / 256f;
        logits[2] = -1e30f;
        int[] cumulative = slots(logits);
        assertEquals(1, count(cumulative, 1));
        assertEquals(1, count(cumulative, 2));
        assertEquals(count(cumulative, 3), count(cumulative, 4));
    }

    @Test
    void logitsAreReadAtTheOffset() {
        float[] logits = logits(new SplittableRandom(5), 7);
        float[] shifted = new float[3 * SYMBOLS];
        System.arraycopy(logits, 0, shifted, SYMBOLS, SYMBOLS);
        int[] cumulative = new int[SYMBOLS + 1];
        TableSoftmax.slots(shifted, SYMBOLS, cumulative);
        assertArrayEquals(slots(logits), cumulative);
    }

    /** Every slot of every symbol is found, including each symbol's first and last. */
    @Property(tries = 300)
    void symbolFindsTheSymbolOfEverySlot(@ForAll("logits") float[] logits, @ForAll @IntRange(min = 0, max = (1 << 20) - 1) int slot) {
        int[] cumulative = slots(logits);
        int symbol = TableSoftmax.symbol(cumulative, slot);
        assertTrue(cumulative[symbol] <= slot && slot < cumulative[symbol + 1], slot + " is not in symbol " + symbol);
        for (int s = 0; s < SYMBOLS; s++) {
            assertEquals(s, TableSoftmax.symbol(cumulative, cumulative[s]));
            assertEquals(s, TableSoftmax.symbol(cumulative, cumulative[s + 1] - 1));
        }
    }

    /** Symbols pushed with these slots pop back, in order, and leave the message as it was. */
    @Property(tries = 300)
    void pushAndPopRoundTrip(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int length,
            @ForAll @IntRange(min = 0, max = 100) int prefill) {
        SplittableRandom random = new SplittableRandom(seed);
        Message start = new Message();
        for (int i = 0; i < prefill; i++) {
            start.push(random.nextInt(1 << 16), 1, 16);
        }
        int[][] distributions = new int[length][];
        int[] symbols = new int[length];
        for (int n = 0; n < length; n++) {
            distributions[n] = slots(logits(random, random.nextInt(8)));
            symbols[n] = random.nextInt(4) == 0 ? random.nextInt(SYMBOLS) : TableSoftmax.symbol(distributions[n], random.nextInt(TOTAL));
        }
        Message message = start.copy();
        for (int n = length - 1; n >= 0; n--) {
            int[] c = distributions[n];
            message.push(c[symbols[n]], c[symbols[n] + 1] - c[symbols[n]], ContextModel.PRECISION);
        }
        int[] popped = new int[length];
        for (int n = 0; n < length; n++) {
            int[] c = distributions[n];
            int symbol = TableSoftmax.symbol(c, message.peek(ContextModel.PRECISION));
            message.pop(c[symbol], c[symbol + 1] - c[symbol], ContextModel.PRECISION);
            popped[n] = symbol;
        }
        assertArrayEquals(symbols, popped);
        assertEquals(start, message);
    }

    /**
     * On real logits (the bundled Fashion-MNIST context model on test images) the table's slots
     * cost next to nothing over {@link ContextModel#cumulative}'s: under 1e-4 bits per sample.
     */
    @Test
    void onRealLogitsTheTableCostsNextToNothing() {
        ContextModel model = ContextModel.of(ImageCodec.bundled().model());
        List<Image> images = TestImages.fashionMnist(8);
        ContextModel.Scratch scratch = model.scratch();
        float[] features = new float[model.features().count()];
        int[] table = new int[SYMBOLS + 1];
        double extraBits = 0;
        long samples = 0;
        for (Image image : images) {
            byte[] planar = image.samples(); // one channel: planar already
            for (int y = 0; y < model.height(); y++) {
                for (int x = 0; x < model.width(); x++) {
                    model.features().features(Canvas.of(planar, 1, model.height(), model.width()), 0, y, x, features);
                    float[] logits = model.logits(features, scratch);
                    int[] exact = ContextModel.cumulative(logits);
                    TableSoftmax.slots(logits, 0, table);
                    int symbol = planar[y * model.width() + x] & 0xFF;
                    extraBits += Math.log((double) count(exact, symbol) / count(table, symbol)) / Math.log(2);
                    samples++;
                }
            }
        }
        assertEquals(1, model.channels());
        double perSample = extraBits / samples;
        assertTrue(Math.abs(perSample) < 1e-4, perSample + " extra bits per sample");
    }

    private static int[] slots(float[] logits) {
        int[] cumulative = new int[SYMBOLS + 1];
        TableSoftmax.slots(logits, 0, cumulative);
        return cumulative;
    }

    private static int count(int[] cumulative, int symbol) {
        return cumulative[symbol + 1] - cumulative[symbol];
    }
}
