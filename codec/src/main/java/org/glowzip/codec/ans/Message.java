package org.glowzip.codec.ans;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.glowzip.codec.MalformedStreamException;

/**
 * An rANS message: a stack of symbols that codecs {@link #push push} and {@link #pop pop}.
 *
 * <h2>Read me first: LIFO</h2>
 * rANS is a stack. The last symbol pushed is the first one popped, so a decoder runs the encoder
 * backwards. Bits-back coding depends on it: popping a symbol that was never pushed "borrows" bits
 * from the message, and pushing it back later returns them.
 *
 * <h2>State and invariant</h2>
 * The message is a 64-bit head {@code x} over a tail of 32-bit words. Between operations
 * <pre>   L = 2^31  &lt;=  x  &lt;  2^32 * L = 2^63</pre>
 * so {@code x} is always a non-negative {@code long}. A symbol occupies the slots
 * {@code [start, start + freq)} of {@code 2^precision}, with {@code 1 <= precision <= 24}: the
 * head keeps {@code x / freq >= 2^(31 - precision) >= 2^7}, which bounds the coding loss of
 * one push below 0.012 bits (about 2^-15 bits on average).
 * Pushing first moves the low 32 bits of {@code x} to the tail while {@code x >= 2^(63-precision)
 * * freq}; popping reads one word back whenever {@code x} falls below {@code L}.
 *
 * <h2>The zero bed</h2>
 * Below the tail lies an endless bed of zero words. Popping from an empty tail reads zeros, so
 * bits-back pops on a fresh message are well defined and deterministic, and pushing the same
 * symbols back restores the fresh message exactly. Zero words at the bottom of the tail are
 * therefore not part of a message's identity: {@link #equals}, {@link #wordCount} and the
 * byte forms ignore them.
 *
 * <h2>Consumed exactly</h2>
 * A fresh message has head {@code L} and no words. A decoder that undid every push ends on a
 * fresh message; anything else means the message was damaged or decoded with other codecs, which
 * {@link #isFresh} and {@link #requireFresh} tell. A message has no redundancy of its own: a
 * flipped bit in a word that holds uniformly coded bits is the valid encoding of other symbols.
 * So {@link #toBytes} adds a CRC32C, and {@link #toCompactBytes}, which has none, is for
 * containers that check their bytes themselves.
 */
public final class Message {
    /** Lower bound of the head, {@code 2^31}. */
    public static final long L = 1L << 31;
    /** Largest supported probability precision, in bits. */
    public static final int MAX_PRECISION = 24;

    private static final int COUNT_BYTES = 4;
    private static final int HEAD_BYTES = 8;
    private static final int CHECKSUM_BYTES = 4;
    private static final int MAX_WORDS = (Integer.MAX_VALUE - COUNT_BYTES - HEAD_BYTES - CHECKSUM_BYTES) / 4;

    private long head;
    private int[] words;
    private int size;
    /** Zero words at the bottom of the tail, part of the zero bed: {@code words[0, zeros)} are 0, and {@code words[zeros]} (if any) is not. */
    private int zeros;
    private Checkpoint checkpoint;

    /** A fresh message: head {@code L}, empty tail. */
    public Message() {
        this(L, new int[16], 0);
    }

    private Message(long head, int[] words, int size) {
        this.head = head;
        this.words = words;
        this.size = size;
        while (zeros < size && words[zeros] == 0) {
            zeros++;
        }
    }

    /**
     * Pushes the symbol that occupies {@code [start, start + freq)} of {@code 2^precision}.
     *
     * @throws IllegalArgumentException if the slot range is empty or outside {@code [0, 2^precision)}
     */
    public void push(int start, int freq, int precision) {
        checkSlots(start, freq, precision);
        long x = head;
        long xMax = ((L >>> precision) << 32) * freq; // at most 2^63: compared unsigned
        if (Long.compareUnsigned(x, xMax) >= 0) {
            writeWord((int) x);
            x >>>= 32;
        }
        if (freq == 1) {
            head = (x << precision) + start; // a uniform symbol: no division
        } else {
            long quotient = x / freq;
            head = (quotient << precision) + (x - quotient * freq) + start;
        }
    }

    /** The slot {@code [0, 2^precision)} that the next symbol occupies; follow it by {@link #pop}. */
    public int peek(int precision) {
        checkPrecision(precision);
        return (int) (head & ((1L << precision) - 1));
    }

    /**
     * Removes the symbol occupying {@code [start, start + freq)}, which must contain
     * {@link #peek(int) peek(precision)}.
     */
    public void pop(int start, int freq, int precision) {
        checkSlots(start, freq, precision);
        long slot = head & ((1L << precision) - 1);
        if (slot < start || slot >= (long) start + freq) {
            throw new IllegalArgumentException("slot " + slot + " is not in [" + start + ", " + (start + freq) + ")");
        }
        long x = freq * (head >>> precision) + slot - start;
        if (x < L) {
            x = (x << 32) | (readWord() & 0xFFFF_FFFFL);
        }
        head = x;
    }

    /** True when this is a fresh message: every push was popped again and nothing else happened. */
    public boolean isFresh() {
        return head == L && wordCount() == 0;
    }

    /**
     * Checks that a decoder consumed the message exactly.
     *
     * @param offset the byte offset the message started at, for the exception
     * @throws MalformedStreamException if the message is not fresh
     */
    public void requireFresh(long offset) throws MalformedStreamException {
        if (!isFresh()) {
            throw new MalformedStreamException(offset, "message not consumed exactly: damaged data or another model");
        }
    }

    /** Number of tail words above the zero bed. */
    public int wordCount() {
        return size - zeros;
    }

    /** Length of the message's content in bits: the 64-bit head and the tail words. */
    public long bitLength() {
        return 64L + 32L * wordCount();
    }

    /** Length of {@link #toBytes()}, without building it. */
    public long byteLength() {
        return COUNT_BYTES + compactByteLength() + CHECKSUM_BYTES;
    }

    /** Length of {@link #toCompactBytes()}, without building it: the content, {@link #bitLength()} / 8. */
    public long compactByteLength() {
        return HEAD_BYTES + 4L * wordCount();
    }

    /** A copy that evolves independently. */
    public Message copy() {
        return new Message(head, Arrays.copyOf(words, Math.max(size, 16)), size);
    }

    /** Makes this message the state of {@code other}, which it no longer shares anything with. */
    public void assign(Message other) {
        if (checkpoint != null) {
            throw new IllegalStateException("cannot assign a message with an open checkpoint");
        }
        head = other.head;
        words = Arrays.copyOf(other.words, Math.max(other.size, 16));
        size = other.size;
        zeros = other.zeros;
    }

    /**
     * Serializes the message. Layout, big-endian:
     * <pre>
     *   offset  size   field
     *   0       4      n, number of tail words (zero bed excluded)
     *   4       8      head, in [2^31, 2^63)
     *   12      4*n    tail words, bottom first
     *   12+4n   4      CRC32C of the bytes before it
     * </pre>
     */
    public byte[] toBytes() {
        int n = wordCount();
        ByteBuffer out = ByteBuffer.allocate(COUNT_BYTES + HEAD_BYTES + 4 * n + CHECKSUM_BYTES);
        putContent(out.putInt(n), n);
        out.putInt(crc(out.array(), out.position()));
        return out.array();
    }

    /**
     * The message's content alone, for a container that frames and checks it: the 8-byte head,
     * in [2^31, 2^63), then the tail words bottom first, 4 bytes each, big-endian. The word
     * count is the length less 8, over 4.
     */
    public byte[] toCompactBytes() {
        int n = wordCount();
        ByteBuffer out = ByteBuffer.allocate(HEAD_BYTES + 4 * n);
        putContent(out, n);
        return out.array();
    }

    /**
     * Reads a message written by {@link #toBytes}; the bytes must be exactly one message.
     *
     * @param offset the position of {@code bytes} in the enclosing input, for error offsets
     * @throws MalformedStreamException if the length or the head is invalid
     */
    public static Message fromBytes(byte[] bytes, long offset) throws MalformedStreamException {
        if (bytes.length < COUNT_BYTES + HEAD_BYTES) {
            throw new MalformedStreamException(offset, "message truncated: " + bytes.length + " bytes, header needs "
                    + (COUNT_BYTES + HEAD_BYTES));
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int n = in.getInt();
        if (n < 0 || n > MAX_WORDS || COUNT_BYTES + HEAD_BYTES + 4L * n + CHECKSUM_BYTES != bytes.length) {
            throw new MalformedStreamException(offset, "message length mismatch: header says " + Integer.toUnsignedString(n)
                    + " words, " + (bytes.length - COUNT_BYTES - HEAD_BYTES) + " bytes follow");
        }
        int checked = bytes.length - CHECKSUM_BYTES;
        if (in.getInt(checked) != crc(bytes, checked)) {
            throw new MalformedStreamException(offset + checked, "message checksum mismatch");
        }
        return readContent(in, n, offset + COUNT_BYTES);
    }

    /**
     * Reads a message written by {@link #toCompactBytes} from {@code bytes[from, to)}, which must
     * be exactly one message.
     *
     * @param offset the position of {@code bytes[from]} in the enclosing input, for error offsets
     * @throws MalformedStreamException if the length is not 8 plus a multiple of 4, or the head or tail is invalid
     */
    public static Message fromCompactBytes(byte[] bytes, int from, int to, long offset) throws MalformedStreamException {
        int length = to - from;
        if (length < HEAD_BYTES || (length - HEAD_BYTES) % 4 != 0 || (length - HEAD_BYTES) / 4 > MAX_WORDS) {
            throw new MalformedStreamException(offset, "message of " + length + " bytes: not an 8-byte head and whole 4-byte words");
        }
        return readContent(ByteBuffer.wrap(bytes, from, length), (length - HEAD_BYTES) / 4, offset);
    }

    /** Writes the head and the top {@code n} tail words, bottom first. */
    private void putContent(ByteBuffer out, int n) {
        out.putLong(head);
        for (int i = size - n; i < size; i++) {
            out.putInt(words[i]);
        }
    }

    /**
     * Reads a head and {@code n} tail words, which {@code in} holds, and checks the invariants
     * the byte forms share: the head in [2^31, 2^63) and no zero word at the bottom of the tail.
     *
     * @param offset the input offset of the head, for errors
     */
    private static Message readContent(ByteBuffer in, int n, long offset) throws MalformedStreamException {
        long head = in.getLong();
        if (head < L) {
            throw new MalformedStreamException(offset, "message head " + Long.toUnsignedString(head) + " outside [2^31, 2^63)");
        }
        int[] words = new int[Math.max(n, 16)];
        for (int i = 0; i < n; i++) {
            words[i] = in.getInt();
        }
        if (n > 0 && words[0] == 0) {
            throw new MalformedStreamException(offset + HEAD_BYTES, "message tail starts with a zero word");
        }
        return new Message(head, words, n);
    }

    /** A message with the given head and tail words, bottom first; for tests. */
    static Message of(long head, int... tail) {
        if (head < L) {
            throw new IllegalArgumentException("head " + head + " below 2^31");
        }
        return new Message(head, Arrays.copyOf(tail, Math.max(tail.length, 16)), tail.length);
    }

    private static int crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Message)) {
            return false;
        }
        Message that = (Message) other;
        int n = wordCount();
        return head == that.head && n == that.wordCount()
                && Arrays.equals(words, size - n, size, that.words, that.size - n, that.size);
    }

    @Override
    public int hashCode() {
        int n = wordCount();
        int h = Long.hashCode(head);
        for (int i = size - n; i < size; i++) {
            h = 31 * h + words[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "Message[head=" + head + ", words=" + wordCount() + "]";
    }

    private void writeWord(int word) {
        if (size == words.length) {
            if (size == MAX_WORDS) {
                throw new IllegalStateException("message exceeds " + MAX_WORDS + " words");
            }
            words = Arrays.copyOf(words, (int) Math.min(MAX_WORDS, 2L * size));
        }
        if (zeros == size && word == 0) {
            zeros++;
        }
        words[size++] = word;
    }

    private int readWord() {
        if (size == 0) {
            return 0;
        }
        int word = words[--size];
        zeros = Math.min(zeros, size);
        if (checkpoint != null && size < checkpoint.low) {
            checkpoint.consumed(word);
        }
        return word;
    }

    /**
     * Starts a checkpoint: from now on the message remembers what it takes to return to its
     * present state, so that codings can be tried and undone without copying the message (the cost
     * is the words that the trials consume below the present tail). One checkpoint at a time.
     *
     * @throws IllegalStateException if a checkpoint is open
     */
    public Checkpoint checkpoint() {
        if (checkpoint != null) {
            throw new IllegalStateException("a checkpoint is already open");
        }
        checkpoint = new Checkpoint(head, size);
        return checkpoint;
    }

    /** A state of a message to return to; closing it forgets the state and keeps the message as it is. */
    public final class Checkpoint implements AutoCloseable {
        private final long startHead;
        private final int startSize;
        /** The lowest tail size since the checkpoint: the words below it are untouched. */
        private int low;
        /** The words popped from below the checkpoint's tail, in the order they were popped. */
        private int[] consumedWords = new int[16];
        private int consumedCount;

        private Checkpoint(long head, int size) {
            this.startHead = head;
            this.startSize = size;
            this.low = size;
        }

        private void consumed(int word) {
            if (consumedCount == consumedWords.length) {
                consumedWords = Arrays.copyOf(consumedWords, 2 * consumedCount);
            }
            consumedWords[consumedCount++] = word;
            low = size;
        }

        /** Returns the message to the state it had when the checkpoint was made; the checkpoint stays open. */
        public void restore() {
            requireOpen();
            size = low;
            zeros = Math.min(zeros, size);
            for (int i = consumedCount - 1; i >= 0; i--) {
                writeWord(consumedWords[i]);
            }
            head = startHead;
            consumedCount = 0;
            low = startSize;
        }

        @Override
        public void close() {
            if (checkpoint == this) {
                checkpoint = null;
            }
        }

        private void requireOpen() {
            if (checkpoint != this) {
                throw new IllegalStateException("checkpoint closed");
            }
        }
    }

    private static void checkSlots(int start, int freq, int precision) {
        checkPrecision(precision);
        if (start < 0 || freq <= 0 || (long) start + freq > 1L << precision) {
            throw new IllegalArgumentException("slots [" + start + ", " + ((long) start + freq) + ") outside [0, 2^" + precision + ")");
        }
    }

    private static void checkPrecision(int precision) {
        if (precision < 1 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("precision " + precision + " outside [1, " + MAX_PRECISION + "]");
        }
    }
}
