package org.glowzip.codec.stream;

import java.nio.ByteBuffer;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;

/**
 * The fixed fields of a block after its type byte ({@link StreamFormat}): sequence number, image
 * count, run count and table length, all range-checked. Version 2 blocks hold only the two counts.
 *
 * @param tableLength bytes of the image table that follows
 */
public record BlockHeader(int type, long sequence, int images, int runCount, int tableLength) {

    /** Bytes of these fields in a stream of {@code version}. */
    static int size(int version) {
        return version >= StreamFormat.CHAINED_VERSION ? 16 : 8;
    }

    /** The type byte and these fields, as the current version writes them. */
    byte[] write() {
        return ByteBuffer.allocate(1 + size(StreamFormat.VERSION)).put((byte) type).putInt((int) sequence).putInt(images).putInt(runCount)
                .putInt(tableLength).array();
    }

    /**
     * Checks the sequence number a block names (images or model) against its place.
     *
     * @param offset the stream offset of the block's type byte; the number follows it
     */
    static void requireSequence(long named, long sequence, long offset) throws MalformedStreamException {
        if (named != sequence) {
            throw new MalformedStreamException(offset + 1, "block number " + named + " where block " + sequence
                    + " belongs: blocks reordered, duplicated or dropped");
        }
    }

    /**
     * Reads the fields of a block of {@code type}.
     *
     * @param sequence the block's place in the stream, which a version 3 block must name
     * @param offset   the stream offset of the block's type byte, for errors
     */
    static BlockHeader read(int type, byte[] unit, int version, long sequence, long offset) throws MalformedStreamException {
        ByteBuffer in = ByteBuffer.wrap(unit);
        boolean v3 = version >= StreamFormat.CHAINED_VERSION;
        if (v3) {
            requireSequence(in.getInt() & 0xFFFF_FFFFL, sequence, offset);
        }
        long countOffset = offset + 1 + in.position();
        int count = in.getInt();
        if (count < 1 || count > StreamFormat.MAX_BLOCK_IMAGES) {
            throw new MalformedStreamException(countOffset, "block image count " + Integer.toUnsignedString(count)
                    + " outside 1.." + StreamFormat.MAX_BLOCK_IMAGES);
        }
        long runCount = in.getInt() & 0xFFFF_FFFFL;
        if (runCount < 1 || runCount > count) {
            throw new MalformedStreamException(countOffset + 4, "image run count " + runCount + " outside 1.." + count);
        }
        long tableLength = runCount * ImageTable.V2_RUN_SIZE;
        if (v3) {
            tableLength = in.getInt() & 0xFFFF_FFFFL;
            long most = Math.min(StreamFormat.MAX_TABLE_BYTES, runCount * (ImageTable.RUN_SIZE + Image.MAX_METADATA));
            if (tableLength < runCount * ImageTable.RUN_SIZE || tableLength > most) {
                throw new MalformedStreamException(countOffset + 8, "image table of " + tableLength + " bytes does not fit "
                        + runCount + " runs");
            }
        }
        return new BlockHeader(type, sequence, count, (int) runCount, (int) tableLength);
    }
}
