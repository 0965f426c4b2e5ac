package org.glowzip.codec.stream;

import java.io.IOException;
import java.util.List;
import org.glowzip.codec.MalformedStreamException;

/**
 * The part of a block ({@link StreamFormat}) before its payload: type, image shapes and payload
 * length, all range-checked. The end block has type END, no shapes, and the stream's image count
 * in place of a length.
 *
 * @param shapes the shape of each image
 */
record BlockHeader(int type, long start, List<ImageShape> shapes, long samples, long payloadLength) {

    static BlockHeader read(CheckedInput in) throws IOException {
        long start = in.offset();
        in.resetChecksum();
        int type = in.readByte("block type");
        if (type == StreamFormat.END) {
            return new BlockHeader(type, start, List.of(), 0, in.readLong("end block"));
        }
        if (type != StreamFormat.CODED && type != StreamFormat.RAW) {
            throw new MalformedStreamException(start, "unknown block type " + type);
        }
        int count = in.readInt("block header");
        if (count < 1 || count > StreamFormat.MAX_BLOCK_IMAGES) {
            throw new MalformedStreamException(start + 1, "block image count " + Integer.toUnsignedString(count)
                    + " outside 1.." + StreamFormat.MAX_BLOCK_IMAGES);
        }
        long runCountOffset = in.offset();
        long runCount = in.readInt("block header") & 0xFFFF_FFFFL;
        ImageTable.checkRunCount(runCount, count, runCountOffset);
        long runsOffset = in.offset();
        ImageTable table = ImageTable.decode(in.read((int) runCount * StreamFormat.RUN_SIZE, "image table"), count, runsOffset);
        List<ImageShape> shapes = table.shapes();
        long samples = table.samples();
        long lengthOffset = in.offset();
        long length = in.readInt("block header") & 0xFFFF_FFFFL;
        boolean raw = type == StreamFormat.RAW;
        if (raw ? length != samples : length >= samples + StreamFormat.MESSAGE_OVERHEAD) {
            throw new MalformedStreamException(lengthOffset, "payload length " + length + " does not fit a "
                    + (raw ? "raw" : "coded") + " block of " + samples + " samples");
        }
        return new BlockHeader(type, start, shapes, samples, length);
    }

    boolean isEnd() {
        return type == StreamFormat.END;
    }

    boolean isRaw() {
        return type == StreamFormat.RAW;
    }

    /** For the end block: checks its checksum, the image count and that nothing follows. */
    void verifyEnd(CheckedInput in, long images) throws IOException {
        in.verifyChecksum("end block");
        if (payloadLength != images) {
            throw new MalformedStreamException(start + 1, "end block counts " + Long.toUnsignedString(payloadLength)
                    + " images, the stream held " + images);
        }
        if (!in.atEnd()) {
            throw new MalformedStreamException(in.offset(), "data after the end block");
        }
    }
}
