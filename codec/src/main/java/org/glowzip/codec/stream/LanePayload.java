package org.glowzip.codec.stream;

import java.io.ByteArrayOutputStream;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ans.Message;

/**
 * The byte form of interleaved rANS lanes: a coded payload held as several independent
 * {@link Message messages}, one a lane, which a decoder pops in lockstep (see {@link LanePlan}).
 *
 * <pre>
 *   only where the container states it (stream format 7 and later):
 *     1-5  the lane count L, varint, 1..min(rows of tiles, 64)
 *   for each lane but the last, in lane order:
 *     1-5  the lane's tail word count n_l, varint ({@link Varint})
 *   for each lane, in lane order:
 *     8    head, in [2^31, 2^63)
 *     4n_l tail words, bottom first ({@link Message#toCompactBytes})
 * </pre>
 *
 * The last lane's word count is what the payload's length leaves: its bytes less the varints and
 * the other lanes, less its 8-byte head, over 4. Where the lane count is not stated (streams
 * before format 7, single images) the container knows it from the shapes it codes
 * ({@link LanePlan.LaneCount#implied}). Each lane is a message of its own, with the invariants
 * {@link Message} states (the head within its bounds, no zero word at the bottom of a tail); a
 * lane onto which nothing was pushed is a fresh message, 8 bytes and a word count of 0. One lane
 * is exactly a compact message.
 */
final class LanePayload {
    private LanePayload() {
    }

    /** The payload of {@code lanes}, their count not stated. */
    static byte[] write(Message[] lanes) {
        return write(lanes, false);
    }

    /** The payload of {@code lanes}, their count stated first. */
    static byte[] writeStated(Message[] lanes) {
        return write(lanes, true);
    }

    private static byte[] write(Message[] lanes, boolean stated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (stated) {
            Varint.write(out, lanes.length);
        }
        for (int l = 0; l < lanes.length - 1; l++) {
            Varint.write(out, lanes[l].wordCount());
        }
        for (Message lane : lanes) {
            out.writeBytes(lane.toCompactBytes());
        }
        return out.toByteArray();
    }

    /** The length of {@link #write write(lanes)}, without building it. */
    static long length(Message[] lanes) {
        return statedLength(lanes) - Varint.size(lanes.length);
    }

    /** The length of {@link #writeStated writeStated(lanes)}, without building it. */
    static long statedLength(Message[] lanes) {
        long length = Varint.size(lanes.length);
        for (int l = 0; l < lanes.length; l++) {
            length += (l < lanes.length - 1 ? Varint.size(lanes[l].wordCount()) : 0) + lanes[l].compactByteLength();
        }
        return length;
    }

    /**
     * Reads the lanes of a payload that states their count from {@code bytes[from, to)}, which
     * must hold exactly them; the count is checked against the shapes when they are decoded.
     *
     * @param offset the input offset of {@code bytes[from]}, for errors
     * @throws MalformedStreamException if the count is 0 or more than {@value LanePlan#MAX_LANES},
     *         a word count runs past the payload or a lane is not a valid message
     */
    static Message[] readStated(byte[] bytes, int from, int to, long offset) throws MalformedStreamException {
        long count = varint(bytes, from, to, "lane count", from, offset);
        if (count < 1 || count > LanePlan.MAX_LANES) {
            throw new MalformedStreamException(offset, count + " lanes, outside 1.." + LanePlan.MAX_LANES);
        }
        int size = Varint.size(count);
        return read(bytes, from + size, to, (int) count, offset + size);
    }

    /**
     * Reads {@code laneCount} lanes from {@code bytes[from, to)}, which must hold exactly them.
     *
     * @param offset the input offset of {@code bytes[from]}, for errors
     * @throws MalformedStreamException if a word count runs past the payload or a lane is not a valid message
     */
    static Message[] read(byte[] bytes, int from, int to, int laneCount, long offset) throws MalformedStreamException {
        if (laneCount < 1) {
            throw new IllegalArgumentException(laneCount + " lanes");
        }
        long[] words = new long[laneCount];
        int position = from;
        long rest = to - from;
        for (int l = 0; l < laneCount - 1; l++) {
            words[l] = varint(bytes, position, to, "lane word count", from, offset);
            int size = Varint.size(words[l]);
            position += size;
            rest -= size + 8 + 4 * words[l];
            if (rest < 8) {
                throw new MalformedStreamException(offset + (position - size - from),
                        "lane " + l + " of " + words[l] + " words runs past the " + (to - from) + "-byte payload");
            }
        }
        Message[] lanes = new Message[laneCount];
        for (int l = 0; l < laneCount; l++) {
            int end = l < laneCount - 1 ? position + 8 + (int) (4 * words[l]) : to;
            lanes[l] = Message.fromCompactBytes(bytes, position, end, offset + (position - from));
            position = end;
        }
        return lanes;
    }

    /** {@link Varint#read}, its errors at input offsets where {@code bytes[from]} is at {@code offset}. */
    private static long varint(byte[] bytes, int position, int to, String what, int from, long offset) throws MalformedStreamException {
        try {
            return Varint.read(bytes, position, to, what);
        } catch (MalformedStreamException e) {
            throw new MalformedStreamException(offset + (e.offset() - from), e.reason());
        }
    }

    /**
     * Checks that a decoder consumed every lane exactly.
     *
     * @throws MalformedStreamException at {@code offset} if a lane is not fresh
     */
    static void requireFresh(Message[] lanes, long offset) throws MalformedStreamException {
        for (Message lane : lanes) {
            lane.requireFresh(offset);
        }
    }
}
