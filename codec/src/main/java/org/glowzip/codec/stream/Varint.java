package org.glowzip.codec.stream;

import java.io.ByteArrayOutputStream;
import org.glowzip.codec.MalformedStreamException;

/**
 * Unsigned LEB128 varints of at most {@value #MAX_BYTES} bytes: seven bits a byte, lowest first,
 * the top bit set on every byte but the last. Only the shortest encoding of a value is read, so
 * each value has one encoding and {@link #size} is the length a read consumed.
 */
final class Varint {
    static final int MAX_BYTES = 5;
    /** One more than the largest value, {@code 2^35}. */
    static final long LIMIT = 1L << (7 * MAX_BYTES);

    private Varint() {
    }

    /** Bytes of {@code value}'s encoding. */
    static int size(long value) {
        check(value);
        int size = 1;
        for (long rest = value >>> 7; rest != 0; rest >>>= 7) {
            size++;
        }
        return size;
    }

    static void write(ByteArrayOutputStream out, long value) {
        check(value);
        long rest = value;
        while (rest >= 0x80) {
            out.write((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    /**
     * The varint at {@code bytes[position]}, which must end before {@code end}; positions are the
     * input's byte offsets.
     *
     * @param what the field, for errors
     * @throws MalformedStreamException if it runs to {@code end}, past {@value #MAX_BYTES} bytes,
     *         or is not the shortest encoding of its value
     */
    static long read(byte[] bytes, int position, int end, String what) throws MalformedStreamException {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (position + i >= end) {
                throw new MalformedStreamException(end, "truncated in " + what);
            }
            int b = bytes[position + i] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new MalformedStreamException(position, what + ": varint longer than its value needs");
                }
                return value;
            }
        }
        throw new MalformedStreamException(position, what + ": varint longer than " + MAX_BYTES + " bytes");
    }

    private static void check(long value) {
        if (value < 0 || value >= LIMIT) {
            throw new IllegalArgumentException("varint value " + value + " outside [0, 2^35)");
        }
    }
}
