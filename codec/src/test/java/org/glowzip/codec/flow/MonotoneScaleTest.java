package org.glowzip.codec.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.glowzip.codec.ans.Message;
import org.junit.jupiter.api.Test;

class MonotoneScaleTest {
    /** {@code floor(D (a x + b tanh(x / w))) + 2x}: increasing for {@code a > |b| / w}, flat or falling otherwise. */
    private static MonotoneCurve curve(int denominator, double slope, double bend, double width) {
        return x -> (long) Math.floor(denominator * (slope * x + bend * StrictMath.tanh(x / width))) + 2 * x;
    }

    private static Message prefilled(int count) {
        Message message = new Message();
        for (int i = 0; i < count; i++) {
            message.push(i * 37 % 256, 1, 8);
        }
        return message;
    }

    @Property(tries = 1000)
    void forwardThenInverseRestoresValueAndMessage(@ForAll @LongRange(min = -(1L << 30) + 1, max = (1L << 30) - 1) long x,
            @ForAll @IntRange(min = 8, max = 20) int denominatorBits, @ForAll @DoubleRange(min = 0.001, max = 4) @Scale(4) double slope,
            @ForAll @DoubleRange(min = -50, max = 50) double bend, @ForAll @DoubleRange(min = 1, max = 1000) double width,
            @ForAll @IntRange(min = 0, max = 50) int prefill) {
        int denominator = 1 << denominatorBits;
        MonotoneCurve g = curve(denominator, slope, bend, width);
        Message start = prefilled(prefill);
        Message message = start.copy();
        long y;
        try {
            y = MonotoneScale.forward(message, x, g, denominator);
        } catch (ArithmeticException notCoded) {
            assertTrue(slope * width < Math.abs(bend) || Math.abs(slope * x) > 1L << 30,
                    "only a curve that falls somewhere, or leaves the range, is refused: " + notCoded.getMessage());
            return;
        }
        assertTrue(Math.abs(y - (slope * x + bend * StrictMath.tanh(x / width) + 2.0 * x / denominator)) <= 2 + slope + Math.abs(bend) / width,
                "y is G(v) / D for a v in [G(x), G(x + 1))");
        assertEquals(x, MonotoneScale.inverse(message, y, g, denominator));
        assertEquals(start, message);
    }

    @Property(tries = 300)
    void inverseThenForwardIsAlsoTheIdentity(@ForAll @LongRange(min = -100_000, max = 100_000) long y,
            @ForAll @DoubleRange(min = 0.01, max = 4) double slope, @ForAll @DoubleRange(min = -1, max = 1) double bend) {
        MonotoneCurve g = curve(1 << 16, slope, bend * slope * 10, 10);
        Message message = new Message();
        long x = MonotoneScale.inverse(message, y, g, 1 << 16);
        assertEquals(y, MonotoneScale.forward(message, x, g, 1 << 16));
        assertTrue(message.isFresh());
    }

    /** The net bits pushed are {@code log2(D / (G(x+1) - G(x)))}: minus the log-slope of the map. */
    @Test
    void costIsMinusTheLogSlope() {
        int denominator = 1 << 16;
        for (double slope : new double[] {0.01, 0.25, 1, 3}) {
            MonotoneCurve g = curve(denominator, slope, 0, 1);
            Message message = prefilled(2000);
            long before = message.bitLength();
            int count = 4000;
            for (long x = 0; x < count; x++) {
                MonotoneScale.forward(message, x * 97 - 200_000, g, denominator);
            }
            double bitsPerValue = (message.bitLength() - before) / (double) count;
            double expected = -StrictMath.log(slope + 2.0 / denominator) / StrictMath.log(2);
            assertEquals(expected, bitsPerValue, 0.05, "slope " + slope);
        }
    }

    /** The search takes a few evaluations of a smooth curve where bisection would take 31. */
    @Test
    void theInverseFindsValuesOfASmoothCurveInAFewEvaluations() {
        long[] evaluations = {0};
        MonotoneCurve smooth = curve(1 << 16, 0.3, 40, 3000);
        MonotoneCurve counted = x -> {
            evaluations[0]++;
            return smooth.at(x);
        };
        int count = 1000;
        Message message = prefilled(100);
        for (long y = -count / 2; y < count / 2; y++) {
            long x = MonotoneScale.inverse(message, y * 37, counted, 1 << 16);
            assertEquals(y * 37, MonotoneScale.forward(message, x, smooth, 1 << 16));
        }
        assertTrue(evaluations[0] < 12 * count, evaluations[0] / (double) count + " evaluations per value");
    }

    /** {@code curve} with a guess at {@code G^-1(v)}: the bracket {@code [x0 - spread, x0 + spread]} around {@code x0 = (v / D - 2 shift) / (slope + 2 / D)}. */
    private static MonotoneCurve guessing(MonotoneCurve curve, int denominator, double slope, long shift, long spread) {
        return new MonotoneCurve() {
            @Override
            public long at(long x) {
                return curve.at(x);
            }

            @Override
            public Bracket guess(long v) {
                long x0 = (long) ((double) v / denominator / (slope + 2.0 / denominator)) - shift;
                return new Bracket(x0 - spread, x0 + spread);
            }
        };
    }

    /** However far off the guess, the search finds what it finds without one, and the forward map codes every value again. */
    @Property(tries = 1000)
    void aGuessChangesNoResult(@ForAll @LongRange(min = -(1L << 30), max = 1L << 30) long y, @ForAll @DoubleRange(min = 0.01, max = 4) double slope,
            @ForAll @DoubleRange(min = -1, max = 1) double bend, @ForAll @LongRange(min = -(1L << 42), max = 1L << 42) long shift,
            @ForAll @LongRange(min = -10, max = 1L << 41) long spread) {
        int denominator = 1 << 16;
        MonotoneCurve plain = curve(denominator, slope, bend * slope * 100, 100);
        MonotoneCurve guessed = guessing(plain, denominator, slope, shift, spread);
        Message message = prefilled(20);
        long x = MonotoneScale.inverse(message.copy(), y, plain, denominator);
        Message guessedMessage = message.copy();
        assertEquals(x, MonotoneScale.inverse(guessedMessage, y, guessed, denominator));
        assertEquals(y, MonotoneScale.forward(guessedMessage, x, guessed, denominator));
        assertEquals(message, guessedMessage);
    }

    /** A guess within a few units costs about two evaluations and a couple of steps. */
    @Test
    void aCloseGuessTakesFewEvaluations() {
        long[] evaluations = {0};
        int denominator = 1 << 16;
        MonotoneCurve smooth = curve(denominator, 0.3, 40, 3000);
        MonotoneCurve counted = guessing(x -> {
            evaluations[0]++;
            return smooth.at(x);
        }, denominator, 0.3, 0, 200);
        int count = 1000;
        Message message = prefilled(100);
        for (long y = -count / 2; y < count / 2; y++) {
            long x = MonotoneScale.inverse(message, y * 37, counted, denominator);
            assertEquals(y * 37, MonotoneScale.forward(message, x, smooth, denominator));
        }
        assertTrue(evaluations[0] < 7 * count, evaluations[0] / (double) count + " evaluations per value");
    }

    @Test
    void aCurveThatFallsIsRefusedWhereTheSearchWouldGoWrong() {
        MonotoneCurve sawtooth = x -> 1000 * Math.floorMod(x, 10) - 3000 * x;
        assertThrows(ArithmeticException.class, () -> MonotoneScale.forward(prefilled(100), 5, sawtooth, 256));
        assertThrows(ArithmeticException.class, () -> MonotoneScale.forward(prefilled(100), 1L << 40, x -> x << 8, 256));
    }
}
