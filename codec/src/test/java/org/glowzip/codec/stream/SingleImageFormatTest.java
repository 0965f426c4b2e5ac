package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.tile.TileCoder;
import org.glowzip.codec.tile.TileFormat;
import org.junit.jupiter.api.Test;

/** The single-image form: its layout, its size rule, and damaged, truncated and forged bytes. */
class SingleImageFormatTest {
    private static final ModelFile MODEL = RandomModels.of(new GlowConfig(2, 1, 4, CouplingType.AFFINE, 1, 8, 8), 7);
    private static final ImageCodec CODEC = new ImageCodec(MODEL);
    private static final BlockCoder CODER = new BlockCoder(new TileCoder(MODEL, CodingParameters.DEFAULT));
    private static final CodingParameters OTHER_PARAMETERS = new CodingParameters(12, 14, 20, 4);
    private static final ImageCodec EXPLICIT = new ImageCodec(MODEL, OTHER_PARAMETERS, GlowzipWriter.DEFAULT_BLOCK_SAMPLES);
    private static final ImageCodec BUNDLED = ImageCodec.bundled();
    private static final Image REAL = TestImages.fashionMnist(1).get(0);
    private static final byte[] CODED = BUNDLED.encode(REAL);
    private static final byte[] RAW = CODEC.encode(TestImages.image(3, 2, 1, "noise", 5));

    @Provide
    Arbitrary<Image> images() {
        return TestImages.images();
    }

    @Property(tries = 200)
    void layoutAsDocumented(@ForAll("images") Image image) throws MalformedStreamException {
        byte[] bytes = CODEC.encode(image);
        assertArrayEquals(new byte[] {(byte) 0x89, 'G', 'i'}, Arrays.copyOf(bytes, 3));
        assertArrayEquals(Arrays.copyOf(MODEL.fingerprint(), 4), Arrays.copyOfRange(bytes, 4, 8));
        assertArrayEquals(new byte[] {(byte) image.width(), (byte) image.height(), (byte) image.channels()}, Arrays.copyOfRange(bytes, 8, 11),
                "sides below 128 take one varint byte");
        Message[] lanes = CODER.encode(List.of(image), LanePlan.LaneCount.implied(TileFormat.CURRENT));
        boolean coded = LanePayload.length(lanes) < image.sampleCount();
        assertEquals(coded ? 0x51 : 0x50, bytes[3], "version 5, coded or raw, default parameters");
        byte[] payload = Arrays.copyOfRange(bytes, 11, bytes.length - 4);
        assertArrayEquals(coded ? LanePayload.write(lanes) : image.samples(), payload, "the payload is a one-image block's lanes or the samples");
        assertEquals(crc(bytes, bytes.length - 4), ByteBuffer.wrap(bytes).getInt(bytes.length - 4));
        assertEquals(image, CODEC.decode(bytes));
    }

    @Test
    void realImagesAreCodedWith23BytesBesidesTheirTailWords() throws MalformedStreamException {
        BlockCoder coder = new BlockCoder(new TileCoder(BUNDLED.model(), CodingParameters.DEFAULT));
        for (Image image : TestImages.fashionMnist(8)) {
            byte[] bytes = BUNDLED.encode(image);
            Message[] lanes = coder.encode(List.of(image), LanePlan.LaneCount.implied(TileFormat.CURRENT));
            assertEquals(1, lanes.length, "one row of tiles, one lane");
            assertEquals(0x51, bytes[3], "coded");
            assertEquals(23 + 4L * lanes[0].wordCount(), bytes.length, "3 + 1 + 4 + 3 + 4 bytes of framing and the 8-byte head");
            assertArrayEquals(lanes[0].toCompactBytes(), Arrays.copyOfRange(bytes, 11, bytes.length - 4));
            assertEquals(8L * bytes.length, BUNDLED.codelength(image));
            assertEquals(image, BUNDLED.decode(bytes));
        }
        SingleImageHeader header = SingleImageHeader.read(CODED);
        assertEquals(List.of(28, 28, 1, 11, CODED.length - 15), List.of(header.width(), header.height(), header.format().channels(),
                header.payloadOffset(), header.payloadLength()));
    }

    @Test
    void explicitParametersRoundTripOnTheCodedPath() throws MalformedStreamException {
        ImageCodec explicit = new ImageCodec(BUNDLED.model(), new CodingParameters(14, 16, 22, 5), GlowzipWriter.DEFAULT_BLOCK_SAMPLES);
        byte[] bytes = explicit.encode(REAL);
        assertEquals(0x53, bytes[3], "coded, parameters follow");
        assertArrayEquals(new byte[] {14, 16, 22, 5}, Arrays.copyOfRange(bytes, 8, 12));
        assertEquals(REAL, explicit.decode(bytes));
        assertEquals(REAL, BUNDLED.decode(bytes), "decoded with the parameters the image names");
    }

    @Test
    void rawImagesAreTheirSamplesAnd15Bytes() throws MalformedStreamException {
        assertEquals(0x50, RAW[3], "raw");
        assertEquals(6 + 15, RAW.length);
        assertFalse(SingleImageHeader.read(RAW).coded());
    }

    @Test
    void largeSidesTakeLongerVarints() throws MalformedStreamException {
        Image wide = TestImages.image(300, 1, 1, "noise", 3);
        byte[] bytes = CODEC.encode(wide);
        assertArrayEquals(new byte[] {(byte) 0xAC, 0x02, 1, 1}, Arrays.copyOfRange(bytes, 8, 12));
        assertEquals(wide, CODEC.decode(bytes));
    }

    @Property(tries = 100)
    void explicitParametersRoundTripAndNameTheirFlow(@ForAll("images") Image image) throws MalformedStreamException {
        byte[] bytes = EXPLICIT.encode(image);
        assertEquals(0x52, bytes[3] & ~1, "version 5, parameters follow");
        assertArrayEquals(new byte[] {12, 14, 20, 4}, Arrays.copyOfRange(bytes, 8, 12));
        assertEquals(8L * bytes.length, EXPLICIT.codelength(image));
        assertEquals(image, EXPLICIT.decode(bytes));
        assertEquals(image, CODEC.decode(bytes), "a codec with other parameters decodes with the ones the image names");
        assertTrue(bytes.length <= image.sampleCount() + 19);
    }

    @Property(tries = 1000)
    void everyTruncationIsDetected(@ForAll @IntRange(min = 0) int cut, @ForAll boolean raw) {
        byte[] bytes = raw ? RAW : CODED;
        assertMalformed(raw ? CODEC : BUNDLED, Arrays.copyOf(bytes, cut % bytes.length));
    }

    @Property(tries = 1000)
    void everyFlippedBitIsDetected(@ForAll @IntRange(min = 0) int position, @ForAll boolean raw) {
        byte[] bytes = (raw ? RAW : CODED).clone();
        int bit = position % (8 * bytes.length);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        assertMalformed(raw ? CODEC : BUNDLED, bytes);
    }

    @Property(tries = 1000)
    void randomBytesAfterTheMagicAreRejected(@ForAll @Size(max = 100) byte[] garbage) {
        byte[] bytes = Arrays.copyOf(SingleImageFormat.MAGIC, 3 + garbage.length);
        System.arraycopy(garbage, 0, bytes, 3, garbage.length);
        assertMalformed(CODEC, bytes);
    }

    @Property(tries = 200)
    void forgedPayloadsWithAValidChecksumAreRejected(@ForAll @Size(max = 80) byte[] payload, @ForAll boolean coded) {
        assertMalformed(CODEC, forged(coded ? 0x21 : 0x20, new byte[] {28, 28, 1}, payload));
    }

    @Test
    void anotherModelIsRefusedAtItsFingerprint() {
        byte[] bytes = RAW.clone();
        bytes[5] ^= 1;
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> CODEC.decode(withChecksum(Arrays.copyOf(bytes, bytes.length - 4))));
        assertEquals(4, e.offset());
        String prefix = MODEL.fingerprintHex().substring(0, 8);
        assertTrue(e.reason().startsWith("image was coded with another model ("), e.reason());
        assertTrue(e.reason().endsWith(", this codec has model " + prefix + "...)"), e.reason());
    }

    @Test
    void flagsOfAnotherVersionOrReservedBitsAreRefused() {
        assertRejected(flags(0x61), 3, "unsupported single-image format version 6, this reader reads 1 to 5");
        assertRejected(flags(0x15), 3, "reserved flag bits set in flags byte 0x15");
        assertRejected(flags(0x48), 3, "reserved flag bits set in flags byte 0x48");
    }

    @Test
    void absurdShapesAreRejectedBeforeAllocation() {
        byte[] huge = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08, 1, 1};
        assertRejected(forged(0x10, huge, new byte[0]), 8, "image size 2147483648x1 outside 1..65536");
        byte[] tooMany = {(byte) 0x80, (byte) 0x80, 0x04, (byte) 0x80, (byte) 0x80, 0x04, 3};
        assertRejected(forged(0x10, tooMany, new byte[0]), 8, "image of 12884901888 samples exceeds 268435456");
        assertRejected(forged(0x10, new byte[] {2, 2, 2}, new byte[8]), 10, "2 channels; 1 (gray) or 3 (RGB) are supported");
        assertRejected(forged(0x20, new byte[] {2, 2, 5}, new byte[20]), 10,
                "sample format 5 is none of 1-4 channels of 8 bits (1-4) or 16 bits (17-20)");
    }

    @Test
    void payloadLengthsMustFitTheirKind() {
        assertRejected(forged(0x10, new byte[] {2, 2, 1}, new byte[5]), 11, "raw payload of 5 bytes does not fit an image of 4 samples");
        assertRejected(forged(0x11, new byte[] {2, 2, 1}, new byte[8]), 11, "coded payload of 8 bytes does not fit an image of 4 samples");
        assertRejected(forged(0x11, new byte[] {4, 4, 1}, new byte[10]), 11, "message of 10 bytes: not an 8-byte head and whole 4-byte words");
    }

    @Test
    void explicitParametersAreRangeChecked() {
        assertRejected(forged(0x12, new byte[] {7, 16, 24, 5, 1, 1, 1}, new byte[1]), 8, "fractional bits 7 outside [8, 20]");
    }

    private static byte[] flags(int flags) {
        byte[] bytes = RAW.clone();
        bytes[3] = (byte) flags;
        return bytes;
    }

    /** Valid magic and fingerprint, then {@code flags}, {@code fields} and {@code payload}, with a valid checksum. */
    private static byte[] forged(int flags, byte[] fields, byte[] payload) {
        byte[] start = Arrays.copyOf(RAW, 8);
        start[3] = (byte) flags;
        return withChecksum(concat(concat(start, fields), payload));
    }

    private static void assertRejected(byte[] bytes, long offset, String reason) {
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> CODEC.decode(bytes));
        assertEquals(reason, e.reason());
        assertEquals(offset, e.offset());
    }

    private static void assertMalformed(ImageCodec codec, byte[] bytes) {
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> codec.decode(bytes));
        assertTrue(e.offset() >= 0 && e.offset() <= bytes.length, "offset " + e.offset() + " in " + bytes.length + " bytes");
        assertFalse(e.reason().isEmpty());
    }

    private static byte[] withChecksum(byte[] body) {
        return concat(body, ByteBuffer.allocate(4).putInt(crc(body, body.length)).array());
    }

    private static int crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
