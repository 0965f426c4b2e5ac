package org.glowzip.codec.ans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.glowzip.codec.MalformedStreamException;
import org.junit.jupiter.api.Test;

class MessageTest {

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<Message> random = Arbitraries.longs().between(Message.L, Long.MAX_VALUE)
                .flatMap(head -> Arbitraries.integers().array(int[].class).ofMaxSize(12).map(words -> Laws.message(head, words)));
        return Arbitraries.oneOf(Arbitraries.just(new Message()), random);
    }

    @Property(tries = 1000)
    void pushThenPopRestoresTheMessage(@ForAll("messages") Message start, @ForAll @IntRange(min = 1, max = 24) int precision,
            @ForAll @LongRange(min = 0, max = (1L << 24) - 1) long a, @ForAll @LongRange(min = 0, max = (1L << 24) - 1) long b) {
        int size = 1 << precision;
        int lo = (int) (Math.min(a, b) % size);
        int hi = (int) (Math.max(a, b) % size);
        int start0 = Math.min(lo, hi);
        int freq = Math.max(lo, hi) - start0 + 1;
        Message message = start.copy();
        message.push(start0, freq, precision);
        int slot = message.peek(precision);
        assertTrue(slot >= start0 && slot < start0 + freq, "slot inside the pushed range");
        message.pop(start0, freq, precision);
        assertEquals(start, message);
    }

    @Property(tries = 1000)
    void bytesRoundTrip(@ForAll("messages") Message message) throws MalformedStreamException {
        byte[] bytes = message.toBytes();
        Message back = Message.fromBytes(bytes, 0);
        assertEquals(message, back);
        assertArrayEquals(bytes, back.toBytes());
        assertEquals(bytes.length, 8 + message.bitLength() / 8, "length field, content, checksum");
    }

    @Property(tries = 1000)
    void everyStrictPrefixIsRejectedWithItsOffset(@ForAll("messages") Message message, @ForAll @IntRange(min = 0, max = 200) int cut) {
        byte[] bytes = message.toBytes();
        byte[] prefix = java.util.Arrays.copyOf(bytes, Math.min(cut, bytes.length - 1));
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> Message.fromBytes(prefix, 100));
        assertTrue(e.offset() >= 100, "offset counts from the given base");
        assertTrue(e.getMessage().contains("message"), e.getMessage());
    }

    @Property(tries = 1000)
    void compactBytesRoundTripAnywhereInAnArray(@ForAll("messages") Message message, @ForAll @IntRange(max = 20) int before,
            @ForAll @IntRange(max = 20) int after) throws MalformedStreamException {
        byte[] compact = message.toCompactBytes();
        assertEquals(message.bitLength() / 8, compact.length, "head and words, nothing else");
        assertEquals(compact.length, message.compactByteLength());
        byte[] framed = new byte[before + compact.length + after];
        java.util.Arrays.fill(framed, (byte) 0x5a);
        System.arraycopy(compact, 0, framed, before, compact.length);
        Message back = Message.fromCompactBytes(framed, before, before + compact.length, 1000);
        assertEquals(message, back);
        assertArrayEquals(compact, back.toCompactBytes());
        assertArrayEquals(message.toBytes(), back.toBytes(), "the two forms hold the same content");
    }

    @Property(tries = 1000)
    void compactLengthsOfPartWordsAreRejected(@ForAll("messages") Message message, @ForAll @IntRange(min = 0, max = 60) int length) {
        byte[] compact = java.util.Arrays.copyOf(message.toCompactBytes(), length);
        if (length >= 8 && (length - 8) % 4 == 0) {
            return; // whole words: a message of its own
        }
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> Message.fromCompactBytes(compact, 0, length, 30));
        assertEquals(30, e.offset());
        assertEquals("message of " + length + " bytes: not an 8-byte head and whole 4-byte words", e.reason());
    }

    @Test
    void compactFormChecksTheHeadAndTheTailAsTheFullFormDoes() {
        byte[] low = java.nio.ByteBuffer.allocate(8).putLong(Message.L - 1).array();
        MalformedStreamException head = assertThrows(MalformedStreamException.class, () -> Message.fromCompactBytes(low, 0, 8, 40));
        assertEquals(40, head.offset());
        assertEquals("message head 2147483647 outside [2^31, 2^63)", head.reason());
        byte[] zeroWord = java.nio.ByteBuffer.allocate(16).putLong(Message.L).putInt(0).putInt(7).array();
        MalformedStreamException tail = assertThrows(MalformedStreamException.class, () -> Message.fromCompactBytes(zeroWord, 0, 16, 40));
        assertEquals(48, tail.offset());
        assertEquals("message tail starts with a zero word", tail.reason());
    }

    @Test
    void absurdLengthIsRejectedBeforeAllocation() {
        byte[] bytes = {0x7f, -1, -1, -1, 0, 0, 0, 0, -128, 0, 0, 0, 0, 0, 0, 0};
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> Message.fromBytes(bytes, 7));
        assertEquals(7, e.offset());
        assertEquals("message length mismatch: header says 2147483647 words, 4 bytes follow", e.reason());
    }

    @Test
    void headBelowTheInvariantIsRejected() {
        byte[] bytes = new Message().toBytes();
        java.nio.ByteBuffer.wrap(bytes).putLong(4, Message.L - 1);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, 12);
        java.nio.ByteBuffer.wrap(bytes).putInt(12, (int) crc.getValue());
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> Message.fromBytes(bytes, 0));
        assertEquals(4, e.offset());
        assertEquals("message head 2147483647 outside [2^31, 2^63)", e.reason());
    }

    @Test
    void flippedByteFailsTheChecksum() {
        byte[] bytes = new Message().toBytes();
        bytes[9] ^= 1;
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> Message.fromBytes(bytes, 50));
        assertEquals(62, e.offset());
        assertEquals("malformed input at byte 62: message checksum mismatch", e.getMessage());
    }

    @Test
    void freshMessageIsSixtyFourBits() {
        Message fresh = new Message();
        assertTrue(fresh.isFresh());
        assertEquals(64, fresh.bitLength());
        assertEquals(16, fresh.toBytes().length);
    }

    @Property(tries = 1000)
    void popsFromAFreshMessageAreDeterministicAndReturnable(@ForAll @Size(max = 30) List<@IntRange(min = 1, max = 24) Integer> precisions) {
        Message first = new Message();
        Message second = new Message();
        int[] slots = new int[precisions.size()];
        for (int i = 0; i < slots.length; i++) {
            int precision = precisions.get(i);
            slots[i] = first.peek(precision);
            assertEquals(slots[i], second.peek(precision), "same slots from the zero bed");
            first.pop(slots[i], 1, precision);
            second.pop(slots[i], 1, precision);
        }
        for (int i = slots.length - 1; i >= 0; i--) {
            first.push(slots[i], 1, precisions.get(i));
        }
        assertTrue(first.isFresh(), "pushing the borrowed symbols back gives a fresh message");
    }

    @Test
    void callerMistakesAreIllegalArguments() {
        Message message = new Message();
        assertThrows(IllegalArgumentException.class, () -> message.push(0, 0, 8));
        assertThrows(IllegalArgumentException.class, () -> message.push(250, 10, 8));
        assertThrows(IllegalArgumentException.class, () -> message.push(0, 1, 25));
        assertThrows(IllegalArgumentException.class, () -> message.peek(0));
    }
}
