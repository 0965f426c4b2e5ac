package org.glowzip.codec.ans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The laws every codec obeys, on arbitrary sequences of arbitrary codecs and symbols. */
class CodecPropertiesTest {

    @Provide
    Arbitrary<Coded> coded() {
        return Coded.any();
    }

    @Provide
    Arbitrary<Message> messages() {
        return new MessageTest().messages();
    }

    @Property(tries = 1000)
    void poppingInReverseReturnsEverySymbolAndTheMessage(@ForAll("messages") Message start,
            @ForAll @Size(max = 40) List<@net.jqwik.api.From("coded") Coded> items) {
        Message message = start.copy();
        for (Coded item : items) {
            item.codec().pushInt(message, item.symbol());
        }
        Message decoded = Laws.reserialize(message);
        for (int i = items.size() - 1; i >= 0; i--) {
            Coded item = items.get(i);
            assertEquals(item.symbol(), item.codec().popInt(decoded), () -> "symbol of " + item.codec());
        }
        assertEquals(start, decoded, "message state after popping everything");
    }

    @Property(tries = 1000)
    void codelengthIsTheInformationContent(@ForAll @Size(max = 200) List<@net.jqwik.api.From("coded") Coded> items) {
        Message message = new Message();
        double information = 0;
        for (Coded item : items) {
            item.codec().pushInt(message, item.symbol());
            information += item.codec().informationContent(item.symbol());
        }
        double bits = information;
        assertTrue(Math.abs(message.bitLength() - bits) <= 64 + 0.001 * bits,
                () -> "codelength " + message.bitLength() + " bits vs information " + bits + " bits");
    }

    @Property(tries = 1000)
    void popFollowedByPushIsTheIdentity(@ForAll("messages") Message start, @ForAll("coded") Coded item) {
        Message message = start.copy();
        int symbol = item.codec().popInt(message);
        item.codec().pushInt(message, symbol);
        assertEquals(start, message, "bits-back pops are returned exactly");
    }
}
