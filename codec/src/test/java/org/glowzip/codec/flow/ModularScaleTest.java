package org.glowzip.codec.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.glowzip.codec.ans.Message;

class ModularScaleTest {

    @Property(tries = 2000)
    void forwardThenInverseRestoresValueAndMessage(@ForAll @LongRange(min = -(1L << 30), max = 1L << 30) long x,
            @ForAll @IntRange(min = 1, max = 1 << 20) int r, @ForAll @IntRange(min = 1, max = 1 << 20) int s,
            @ForAll @IntRange(min = 0, max = 50) int prefill) {
        Message start = new Message();
        for (int i = 0; i < prefill; i++) {
            start.push(i * 37 % 256, 1, 8);
        }
        Message message = start.copy();
        long y = ModularScale.forward(message, x, r, s);
        double exact = (double) x * r / s;
        assertTrue(y >= Math.floor(exact) - 1e-9 * Math.abs(exact) && y <= exact + (double) r / s, "y = floor((r x + a) / s), a < r");
        assertEquals(x, ModularScale.inverse(message, y, r, s));
        assertEquals(start, message);
    }

    @Property(tries = 1000)
    void inverseThenForwardIsAlsoTheIdentity(@ForAll @LongRange(min = -(1L << 30), max = 1L << 30) long y,
            @ForAll @IntRange(min = 1, max = 1 << 16) int r, @ForAll @IntRange(min = 1, max = 1 << 16) int s) {
        Message message = new Message();
        long x = ModularScale.inverse(message, y, r, s);
        assertEquals(y, ModularScale.forward(message, x, r, s));
        assertTrue(message.isFresh());
    }
}
