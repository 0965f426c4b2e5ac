package org.glowzip.codec.stream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A valid stream cut into its blocks, and streams assembled from blocks with every sequence
 * number, chained checksum and end block count redone: so that a test can reorder, drop, insert
 * or change blocks and leave wrong only what it means to make wrong.
 *
 * @param bytes  the stream
 * @param blocks each block of images or model block from its type byte to before its checksum, in order
 * @param starts the stream offset of each block, then of the end block
 */
record StreamSections(byte[] bytes, List<byte[]> blocks, List<Long> starts) {

    static StreamSections of(byte[] stream) {
        List<Long> starts = new ArrayList<>();
        TestStreams.parse(stream, (event, end) -> {
            if (event instanceof StreamParser.Header || event instanceof StreamParser.Model || event instanceof StreamParser.Block) {
                starts.add((long) end);
            }
        });
        List<byte[]> blocks = new ArrayList<>();
        for (int i = 0; i + 1 < starts.size(); i++) {
            blocks.add(Arrays.copyOfRange(stream, (int) (long) starts.get(i), (int) (starts.get(i + 1) - StreamFormat.CHECKSUM_SIZE)));
        }
        return new StreamSections(stream, blocks, starts);
    }

    /** The stream offset of block {@code i}; the end block's for {@code i} = the block count. */
    long start(int i) {
        return starts.get(i);
    }

    /** The header, the blocks of indices {@code order} as they are (their numbers and checksums unchanged), and the end block. */
    byte[] spliced(int... order) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, StreamFormat.HEADER_SIZE);
        for (int i : order) {
            out.write(bytes, (int) start(i), (int) (start(i + 1) - start(i)));
        }
        int end = (int) start(blocks.size());
        out.write(bytes, end, bytes.length - end);
        return out.toByteArray();
    }

    /** A copy of the blocks, to change. */
    List<byte[]> copyOfBlocks() {
        List<byte[]> copy = new ArrayList<>();
        blocks.forEach(block -> copy.add(block.clone()));
        return copy;
    }

    /**
     * This stream's header, of {@code version}, followed by {@code blocks}, renumbered and chained,
     * and an end block counting them and the images of their blocks of images.
     */
    byte[] assemble(int version, List<byte[]> blocks) {
        byte[] header = Arrays.copyOf(bytes, StreamFormat.HEADER_SIZE);
        header[StreamFormat.VERSION_OFFSET] = (byte) version;
        CRC32C crc = new CRC32C();
        crc.update(header, 0, StreamFormat.HEADER_SIZE - StreamFormat.CHECKSUM_SIZE);
        ByteBuffer.wrap(header).putInt(StreamFormat.HEADER_SIZE - StreamFormat.CHECKSUM_SIZE, (int) crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        ChecksumChain chain = new ChecksumChain(version, (int) crc.getValue());
        List<byte[]> sections = new ArrayList<>();
        long images = 0;
        for (int i = 0; i < blocks.size(); i++) {
            byte[] block = blocks.get(i);
            sections.add(ByteBuffer.wrap(block.clone()).putInt(1, i).array());
            images += block[0] == StreamFormat.CODED || block[0] == StreamFormat.RAW ? ByteBuffer.wrap(block).getInt(5) : 0;
        }
        sections.add(new StreamEnd(images, blocks.size()).write());
        for (byte[] section : sections) {
            chain.update(section);
            out.writeBytes(section);
            out.writeBytes(ByteBuffer.allocate(StreamFormat.CHECKSUM_SIZE).putInt(chain.value()).array());
            chain.next();
        }
        return out.toByteArray();
    }

    /** This stream with its blocks replaced by {@code blocks}, reassembled. */
    byte[] with(List<byte[]> blocks) {
        return assemble(bytes[StreamFormat.VERSION_OFFSET], blocks);
    }
}
