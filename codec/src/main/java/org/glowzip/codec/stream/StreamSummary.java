package org.glowzip.codec.stream;

import java.io.IOException;
import java.io.InputStream;

/**
 * What a glowzip stream holds, read without decoding it (every checksum is still verified):
 * its header, its blocks and images, and its size.
 */
public record StreamSummary(StreamHeader header, long images, long samples, long codedBlocks, long rawBlocks, long bytes) {

    public static StreamSummary read(InputStream source) throws IOException {
        CheckedInput in = new CheckedInput(source);
        StreamHeader header = StreamHeader.read(in);
        long images = 0;
        long samples = 0;
        long coded = 0;
        long raw = 0;
        BlockHeader block;
        while (!(block = BlockHeader.read(in)).isEnd()) {
            in.skip(block.payloadLength(), "block payload");
            in.verifyChecksum("block");
            images += block.shapes().size();
            samples += block.samples();
            if (block.isRaw()) {
                raw++;
            } else {
                coded++;
            }
        }
        block.verifyEnd(in, images);
        return new StreamSummary(header, images, samples, coded, raw, in.offset());
    }

    /** Bits per sample of the whole stream, framing included. */
    public double bitsPerDimension() {
        return samples == 0 ? 0 : 8.0 * bytes / samples;
    }
}
