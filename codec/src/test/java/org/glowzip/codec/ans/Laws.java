package org.glowzip.codec.ans;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.glowzip.codec.MalformedStreamException;

/** The codec laws the tests check, and messages to check them on. */
final class Laws {
    private Laws() {
    }

    /** Pushing {@code value} and popping it again returns the value AND the message as it was. */
    static <T> void assertRoundTrip(Codec<T> codec, T value, Message start) {
        Message message = start.copy();
        codec.push(message, value);
        Message decoded = reserialize(message);
        assertEquals(value, codec.pop(decoded), "value");
        assertEquals(start, decoded, "message state");
    }

    /** The message after a trip through its byte form. */
    static Message reserialize(Message message) {
        try {
            return Message.fromBytes(message.toBytes(), 0);
        } catch (MalformedStreamException e) {
            throw new AssertionError("a message's own bytes were rejected", e);
        }
    }

    /** A message with the given head and tail words, bottom first. */
    static Message message(long head, int[] words) {
        return Message.of(head, words);
    }

    /** A message whose next slot at {@code precision} is {@code slot}. */
    static Message messageAtSlot(int slot, int precision, long highBits) {
        long head = Message.L | ((highBits << precision) & ((1L << 62) - 1)) | slot;
        return message(head, new int[] {0x5eed});
    }
}
