package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;

/**
 * Blocks out of their place or from another stream, and streams cut at a block boundary, are
 * rejected at the offset the format names: the block's number, its chained checksum, or where
 * the end block should start.
 */
class StreamIntegrityTest {
    /** One 6 x 5 gray image per block. */
    private static final ImageCodec CODEC = new ImageCodec(RandomModels.of(new GlowConfig(2, 1, 4, CouplingType.AFFINE, 1, 8, 8), 7),
            CodingParameters.DEFAULT, 30);

    @Property(tries = 40)
    void swappedBlocksAreRejectedAtTheFirstOne(@ForAll @IntRange(min = 2, max = 6) int blocks, @ForAll @IntRange(min = 0, max = 5) int a,
            @ForAll @IntRange(min = 1, max = 5) int distance, @ForAll long seed) {
        int i = a % (blocks - 1);
        int j = Math.min(blocks - 1, i + distance);
        Layout stream = Layout.of(stream(blocks, seed));
        List<byte[]> parts = stream.blocks();
        byte[] first = parts.get(i);
        parts.set(i, parts.get(j));
        parts.set(j, first);
        assertRejected(stream.with(parts), stream.start(i) + 1, "block number " + j + " where block " + i + " belongs: blocks reordered, duplicated or dropped");
    }

    @Property(tries = 40)
    void aDuplicatedBlockIsRejectedAtTheCopy(@ForAll @IntRange(min = 1, max = 6) int blocks, @ForAll @IntRange(min = 0, max = 5) int at,
            @ForAll long seed) {
        int i = at % blocks;
        Layout stream = Layout.of(stream(blocks, seed));
        List<byte[]> parts = stream.blocks();
        parts.add(i + 1, parts.get(i));
        assertRejected(stream.with(parts), stream.start(i + 1) + 1, "block number " + i + " where block " + (i + 1)
                + " belongs: blocks reordered, duplicated or dropped");
    }

    @Property(tries = 40)
    void aDroppedBlockIsRejectedWhereItWas(@ForAll @IntRange(min = 1, max = 6) int blocks, @ForAll @IntRange(min = 0, max = 5) int at,
            @ForAll long seed) {
        int i = at % blocks;
        Layout stream = Layout.of(stream(blocks, seed));
        List<byte[]> parts = stream.blocks();
        parts.remove(i);
        if (i < blocks - 1) {
            assertRejected(stream.with(parts), stream.start(i) + 1, "block number " + (i + 1) + " where block " + i
                    + " belongs: blocks reordered, duplicated or dropped");
        } else {
            long checksum = stream.start(i) + stream.end().length - 4;
            assertRejected(stream.with(parts), checksum, "end block checksum mismatch: damaged, or a block of another stream");
        }
    }

    @Property(tries = 40)
    void aBlockFromAnotherStreamOfTheSameModelIsRejectedAtItsChecksum(@ForAll @IntRange(min = 1, max = 6) int blocks,
            @ForAll @IntRange(min = 0, max = 5) int at, @ForAll long seed) {
        int i = at % blocks;
        Layout stream = Layout.of(stream(blocks, seed));
        Layout other = Layout.of(stream(blocks, seed ^ 1));
        List<byte[]> parts = stream.blocks();
        parts.set(i, other.blocks().get(i));
        // the first block of a stream chains from the header's checksum, the same for every stream of
        // this model and these coding parameters: the next link rejects it
        int rejecting = i == 0 ? 1 : i;
        boolean atEnd = rejecting == blocks;
        long checksum = stream.start(rejecting) + (atEnd ? stream.end().length : parts.get(rejecting).length) - 4;
        assertRejected(stream.with(parts), checksum, (atEnd ? "end block" : "block") + " checksum mismatch: damaged, or a block of another stream");
    }

    @Property(tries = 40)
    void aStreamCutAtABlockBoundaryIsTruncated(@ForAll @IntRange(min = 1, max = 6) int blocks, @ForAll @IntRange(min = 0, max = 6) int at,
            @ForAll long seed) {
        int k = at % (blocks + 1);
        Layout stream = Layout.of(stream(blocks, seed));
        byte[] cut = Arrays.copyOf(stream.bytes(), (int) stream.start(k));
        assertRejected(cut, stream.start(k), "stream truncated in block type: 0 of 1 bytes");
    }

    @Property(tries = 20)
    void anEndBlockThatCountsOtherwiseIsRejectedEvenWithItsChecksumRedone(@ForAll @IntRange(min = 1, max = 4) int blocks,
            @ForAll boolean countImages, @ForAll long seed) {
        Layout stream = Layout.of(stream(blocks, seed));
        byte[] end = stream.end();
        ByteBuffer fields = ByteBuffer.wrap(end);
        if (countImages) {
            fields.putLong(1, blocks + 1L);
        } else {
            fields.putInt(9, blocks + 1);
        }
        List<byte[]> parts = stream.blocks();
        byte[] last = parts.get(blocks - 1);
        CRC32C crc = new CRC32C();
        crc.update(last, last.length - 4, 4);
        crc.update(end, 0, end.length - 4);
        fields.putInt(end.length - 4, (int) crc.getValue());
        byte[] bytes = Arrays.copyOf(stream.bytes(), stream.bytes().length);
        System.arraycopy(end, 0, bytes, (int) stream.start(blocks), end.length);
        assertRejected(bytes, stream.start(blocks) + (countImages ? 1 : 9), countImages
                ? "end block counts " + (blocks + 1) + " images, the stream held " + blocks
                : "end block counts " + (blocks + 1) + " blocks, the stream held " + blocks + ": the stream was cut or blocks dropped");
    }

    /** A stream of {@code blocks} blocks, coded and raw ones, whose every block depends on {@code seed}. */
    private static byte[] stream(int blocks, long seed) {
        Image[] images = new Image[blocks];
        for (int i = 0; i < blocks; i++) {
            byte[] samples = TestImages.image(6, 5, 1, i % 2 == 0 ? "gradient" : "noise", seed + i).samples();
            samples[0] = (byte) seed; // so that the streams of two seeds differ in every block
            images[i] = Image.of(6, 5, 1, samples);
        }
        return TestStreams.of(CODEC, images);
    }

    private static void assertRejected(byte[] bytes, long offset, String reason) {
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> {
            try (GlowzipReader reader = CODEC.reader(new ByteArrayInputStream(bytes))) {
                while (reader.read() != null) {
                    // images before the problem are good
                }
            }
        });
        assertEquals(reason, e.reason());
        assertEquals(offset, e.offset());
    }

    /** A stream cut into its header, its blocks and its end block, as the parser reads it. */
    record Layout(byte[] bytes, List<Long> starts) {
        static Layout of(byte[] bytes) {
            StreamParser parser = new StreamParser();
            List<Long> starts = new ArrayList<>();
            int position = 0;
            while (!parser.finished()) {
                int n = parser.needed();
                StreamParser.Event event;
                try {
                    event = parser.accept(Arrays.copyOfRange(bytes, position, position + n));
                } catch (MalformedStreamException e) {
                    throw new AssertionError(e);
                }
                position += n;
                if (event instanceof StreamParser.Header || event instanceof StreamParser.Block) {
                    starts.add((long) position);
                }
            }
            return new Layout(bytes, starts);
        }

        /** Offset of block {@code i}; the end block's for {@code i} = the block count. */
        long start(int i) {
            return starts.get(i);
        }

        List<byte[]> blocks() {
            List<byte[]> blocks = new ArrayList<>();
            for (int i = 0; i + 1 < starts.size(); i++) {
                blocks.add(Arrays.copyOfRange(bytes, (int) start(i), (int) start(i + 1)));
            }
            return blocks;
        }

        byte[] end() {
            return Arrays.copyOfRange(bytes, (int) start(starts.size() - 1), bytes.length);
        }

        /** The header, {@code blocks} and the end block. */
        byte[] with(List<byte[]> blocks) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(bytes, 0, StreamFormat.HEADER_SIZE);
            blocks.forEach(out::writeBytes);
            out.writeBytes(end());
            return out.toByteArray();
        }
    }
}
