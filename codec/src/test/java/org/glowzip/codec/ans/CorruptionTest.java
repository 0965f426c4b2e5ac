package org.glowzip.codec.ans;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.glowzip.codec.MalformedStreamException;

/**
 * Damaged messages: the decoder pops everything and then checks that the message is fresh. The
 * only failure allowed is {@link MalformedStreamException}, with its offset and reason.
 */
class CorruptionTest {
    private static final long BASE = 1000;

    @Provide
    Arbitrary<List<Coded>> items() {
        return Coded.any().list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 1000)
    void flippedBitIsDetected(@ForAll("items") List<Coded> items, @ForAll @IntRange(min = 0) int position) {
        byte[] bytes = encode(items);
        int bit = position % (8 * bytes.length);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        assertRejected(items, bytes);
    }

    @Property(tries = 1000)
    void truncatedMessageIsDetected(@ForAll("items") List<Coded> items, @ForAll @IntRange(min = 1) int cut) {
        byte[] bytes = encode(items);
        assertRejected(items, java.util.Arrays.copyOf(bytes, bytes.length - 1 - cut % bytes.length));
    }

    @Property(tries = 1000)
    void randomBytesAreRejected(@ForAll("items") List<Coded> items, @ForAll @Size(max = 64) byte[] garbage) {
        byte[] bytes = garbage.clone();
        if (bytes.length >= 4) { // make some of them claim the right length, so the checksum is what fails
            int words = Math.max(0, (bytes.length - 16) / 4);
            bytes = java.util.Arrays.copyOf(bytes, 16 + 4 * words);
            java.nio.ByteBuffer.wrap(bytes).putInt(0, words);
        }
        assertRejected(items, bytes);
    }

    private static byte[] encode(List<Coded> items) {
        Message message = new Message();
        for (Coded item : items) {
            item.codec().pushInt(message, item.symbol());
        }
        return message.toBytes();
    }

    private static void assertRejected(List<Coded> items, byte[] bytes) {
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> {
            Message message = Message.fromBytes(bytes, BASE);
            for (int i = items.size() - 1; i >= 0; i--) {
                items.get(i).codec().popInt(message);
            }
            message.requireFresh(BASE);
        });
        assertTrue(e.offset() >= BASE && e.offset() <= BASE + bytes.length, "offset " + e.offset());
        assertTrue(!e.reason().isEmpty() && e.getMessage().contains("at byte " + e.offset()), e.getMessage());
    }
}
