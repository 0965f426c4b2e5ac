package org.glowzip.codec.ans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class UniformAndCategoricalTest {

    @Property(tries = 1000)
    void uniformCostsLog2N(@ForAll @LongRange(min = 1, max = 1L << 31) long n, @ForAll @LongRange(min = 0, max = (1L << 31) - 1) long raw) {
        Uniform uniform = Uniform.of(n);
        int symbol = (int) (raw % n);
        double exact = Math.log(n) / Math.log(2);
        assertEquals(exact, uniform.informationContent(symbol), 0.006, "n = " + n);
        Laws.assertRoundTrip(uniform, symbol, new Message());
    }

    @Test
    void everySlotOfSmallUniformsInverts() {
        for (long n = 1; n <= 300; n++) {
            Uniform uniform = Uniform.of(n);
            for (int symbol = 0; symbol < n; symbol++) {
                Laws.assertRoundTrip(uniform, symbol, Laws.message(Message.L + symbol * 7919L, new int[] {1, 2}));
            }
        }
    }

    @Test
    void powersOfTwoAreExact() {
        for (int bits = 0; bits <= 31; bits++) {
            Uniform uniform = Uniform.ofBits(bits);
            assertEquals(bits, uniform.informationContent(0), 1e-12);
            assertEquals(bits, uniform.informationContent((int) ((1L << bits) - 1)), 1e-12);
        }
    }

    @Test
    void uniformRejectsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> Uniform.of(0));
        assertThrows(IllegalArgumentException.class, () -> Uniform.of((1L << 31) + 1));
        assertThrows(IllegalArgumentException.class, () -> Uniform.of(10).pushInt(new Message(), 10));
        assertThrows(IllegalArgumentException.class, () -> Uniform.of(10).pushInt(new Message(), -1));
    }

    @Property(tries = 1000)
    void categoricalFrequenciesFollowTheCounts(@ForAll @IntRange(min = 8, max = 24) int precision,
            @ForAll @LongRange(min = 1, max = 1_000_000) long a, @ForAll @LongRange(min = 0, max = 1_000_000) long b) {
        long[] counts = {a, 0, b, 1};
        Categorical categorical = new Categorical(counts, precision);
        assertEquals(0, categorical.frequency(1));
        int total = 0;
        for (int s = 0; s < counts.length; s++) {
            total += categorical.frequency(s);
            if (counts[s] > 0) {
                assertTrue(categorical.frequency(s) >= 1);
                double share = (double) counts[s] / (a + b + 1);
                assertEquals(share, (double) categorical.frequency(s) / (1 << precision), 4.0 / (1 << precision) + 1e-12);
                Laws.assertRoundTrip(categorical, s, new Message());
            }
        }
        assertEquals(1 << precision, total);
    }

    @Test
    void categoricalNeverPopsAZeroCountSymbol() {
        Categorical categorical = new Categorical(new long[] {0, 3, 0, 0, 5, 0}, 4);
        for (int slot = 0; slot < 16; slot++) {
            Message message = Laws.messageAtSlot(slot, 4, 12345);
            int symbol = categorical.popInt(message);
            assertTrue(symbol == 1 || symbol == 4, "slot " + slot + " popped " + symbol);
        }
    }

    @Test
    void categoricalRejectsBadTables() {
        assertThrows(IllegalArgumentException.class, () -> new Categorical(new long[] {0, 0}, 8));
        assertThrows(IllegalArgumentException.class, () -> new Categorical(new long[] {1, -1}, 8));
        assertThrows(IllegalArgumentException.class, () -> new Categorical(new long[] {1, 1, 1}, 1));
        assertThrows(IllegalArgumentException.class, () -> new Categorical(new long[] {1, 0}, 8).pushInt(new Message(), 1));
    }
}
