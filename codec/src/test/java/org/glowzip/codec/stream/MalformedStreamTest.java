package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.junit.jupiter.api.Test;

/** Damaged, truncated and foreign streams fail with the one documented exception. */
class MalformedStreamTest {
    private static final ImageCodec CODEC = FuzzCorpus.CODEC;
    private static final byte[] CODED = TestStreams.of(CODEC, TestImages.image(8, 8, 1, "zero", 1), TestImages.image(11, 9, 1, "zero", 1));
    private static final byte[] RAW = TestStreams.of(CODEC, noise(3, 2));

    @Test
    void theFixturesAreOneCodedAndOneRawBlock() {
        assertEquals(StreamFormat.CODED, CODED[StreamFormat.HEADER_SIZE]);
        assertEquals(StreamFormat.RAW, RAW[StreamFormat.HEADER_SIZE]);
    }

    @Property(tries = 1000)
    void everyFlippedBitIsDetected(@ForAll @IntRange(min = 0) int position, @ForAll boolean raw) {
        byte[] stream = (raw ? RAW : CODED).clone();
        int bit = position % (8 * stream.length);
        stream[bit / 8] ^= (byte) (1 << (bit % 8));
        assertMalformed(stream);
    }

    @Property(tries = 1000)
    void everyTruncationIsDetected(@ForAll @IntRange(min = 0) int cut, @ForAll boolean raw) {
        byte[] stream = raw ? RAW : CODED;
        assertMalformed(Arrays.copyOf(stream, cut % stream.length));
    }

    @Property(tries = 1000)
    void randomBytesAreRejected(@ForAll @Size(max = 200) byte[] garbage) {
        assertMalformed(garbage);
    }

    @Property(tries = 300)
    void randomBytesAfterAValidHeaderAreRejected(@ForAll @Size(max = 200) byte[] garbage) {
        byte[] stream = Arrays.copyOf(CODED, StreamFormat.HEADER_SIZE + garbage.length);
        System.arraycopy(garbage, 0, stream, StreamFormat.HEADER_SIZE, garbage.length);
        assertMalformed(stream);
    }

    @Test
    void absurdImageCountIsRejectedBeforeAllocation() {
        assertRejected(block().put((byte) StreamFormat.CODED).putInt(0).putInt(Integer.MAX_VALUE), 5, "block image count 2147483647 outside 1..65536");
    }

    @Test
    void absurdImageSizeIsRejectedBeforeAllocation() {
        assertRejected(block().put((byte) StreamFormat.RAW).putInt(0).putInt(1).putInt(1).putInt(17)
                .putInt(1).putInt(0x7FFF_FFFF).putInt(0x7FFF_FFFF).put((byte) 1).putInt(0), 21, "image size 2147483647x2147483647 outside 1..65536");
    }

    @Test
    void absurdRunCountIsRejectedBeforeAllocation() {
        assertRejected(block().put((byte) StreamFormat.CODED).putInt(0).putInt(3).putInt(Integer.MAX_VALUE), 9, "image run count 2147483647 outside 1..3");
    }

    @Test
    void absurdTableAndMetadataLengthsAreRejectedBeforeAllocation() {
        assertRejected(block().put((byte) StreamFormat.CODED).putInt(0).putInt(3).putInt(1).putInt(Integer.MAX_VALUE), 13,
                "image table of 2147483647 bytes does not fit 1 runs");
        assertRejected(block().put((byte) StreamFormat.RAW).putInt(0).putInt(1).putInt(1).putInt(20)
                .putInt(1).putInt(2).putInt(2).put((byte) 1).putInt(Integer.MAX_VALUE).putInt(0), 30, "metadata of 2147483647 bytes where 3 fit");
    }

    @Test
    void aBlockOutOfItsPlaceIsRejectedAtItsNumber() {
        assertRejected(block().put((byte) StreamFormat.RAW).putInt(1), 1, "block number 1 where block 0 belongs: blocks reordered, duplicated or dropped");
    }

    @Test
    void runsThatDoNotAddUpToTheImageCountAreRejected() {
        assertRejected(block().put((byte) StreamFormat.RAW).putInt(0).putInt(3).putInt(1).putInt(17)
                .putInt(2).putInt(4).putInt(4).put((byte) 1).putInt(0), 34, "image runs hold 2 of the block's 3 images");
    }

    @Test
    void foreignFileIsNotAStream() {
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> CODEC.decode("GIF89a, not a stream at all".getBytes()));
        assertEquals("malformed input at byte 0: not a glowzip image or stream", e.getMessage());
        MalformedStreamException reader = assertThrows(MalformedStreamException.class,
                () -> CODEC.reader(new java.io.ByteArrayInputStream("GIF89a, not a stream at all".getBytes())));
        assertEquals("malformed input at byte 0: not a glowzip stream (bad magic)", reader.getMessage());
    }

    private static void assertMalformed(byte[] stream) {
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> CODEC.decode(stream));
        assertTrue(e.offset() >= 0 && e.offset() <= stream.length, "offset " + e.offset() + " in " + stream.length + " bytes");
        assertTrue(!e.reason().isEmpty());
    }

    private static ByteBuffer block() {
        return ByteBuffer.allocate(100);
    }

    /** A valid header followed by the bytes put into {@code block} and 20 zeros is rejected at {@code offset} after the header. */
    private static void assertRejected(ByteBuffer block, long offset, String reason) {
        byte[] stream = concat(Arrays.copyOf(CODED, StreamFormat.HEADER_SIZE), Arrays.copyOf(block.array(), block.position() + 20));
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> CODEC.decode(stream));
        assertEquals(StreamFormat.HEADER_SIZE + offset, e.offset());
        assertEquals(reason, e.reason());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Image noise(int width, int height) {
        byte[] samples = new byte[width * height];
        new java.util.Random(5).nextBytes(samples);
        return Image.of(width, height, 1, samples);
    }
}
