package org.glowzip.codec.stream;

import java.nio.ByteBuffer;
import org.glowzip.codec.MalformedStreamException;

/**
 * The end block of a stream ({@link StreamFormat}) after its type byte and before its checksum:
 * the stream's image and block counts, model blocks among the blocks (as they take sequence
 * numbers). Version 2 end blocks hold the image count only.
 */
record StreamEnd(long images, long blocks) {

    /** Bytes of the counts in a stream of {@code version}. */
    static int size(int version) {
        return version >= StreamFormat.CHAINED_VERSION ? 12 : 8;
    }

    /** The type byte and the counts, as the current version writes them. */
    byte[] write() {
        return ByteBuffer.allocate(1 + size(StreamFormat.VERSION)).put((byte) StreamFormat.END).putLong(images).putInt((int) blocks).array();
    }

    /**
     * Checks the counts in {@code unit} against the stream that was read.
     *
     * @param offset the stream offset of the end block's type byte, for errors
     */
    static void verify(byte[] unit, int version, long images, long blocks, long offset) throws MalformedStreamException {
        ByteBuffer in = ByteBuffer.wrap(unit);
        long named = in.getLong();
        if (named != images) {
            throw new MalformedStreamException(offset + 1, "end block counts " + Long.toUnsignedString(named)
                    + " images, the stream held " + images);
        }
        if (version >= StreamFormat.CHAINED_VERSION) {
            long namedBlocks = in.getInt() & 0xFFFF_FFFFL;
            if (namedBlocks != blocks) {
                throw new MalformedStreamException(offset + 9, "end block counts " + namedBlocks + " blocks, the stream held "
                        + blocks + ": the stream was cut or blocks dropped");
            }
        }
    }
}
