package org.glowzip.codec.imageio;

import static org.glowzip.codec.imageio.BufferedImages.assertSameImage;
import static org.glowzip.codec.imageio.BufferedImages.randomized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import org.glowzip.codec.DecodeLimitException;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.stream.StreamFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Damaged, truncated and foreign bytes raise {@link IIOException} whose cause is the {@link MalformedStreamException} with its offset. */
class DamagedFilesTest {
    private static final List<BufferedImage> images = new ArrayList<>();
    private static byte[] single;
    private static byte[] stream;

    /** A single image, and a stream of six 4x4 gray images in three blocks of two. */
    @BeforeAll
    static void write() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(randomized(new BufferedImage(5, 3, BufferedImage.TYPE_INT_RGB), 1), "glowzip", bytes);
        single = bytes.toByteArray();
        for (int i = 0; i < 6; i++) {
            images.add(randomized(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), 10 + i));
        }
        stream = SequenceTest.sequence(images, 32, null);
    }

    @Test
    void aDamagedSingleImageFailsItsChecksum() {
        byte[] damaged = single.clone();
        damaged[damaged.length - 6] ^= 0x10;
        MalformedStreamException cause = failure(damaged, 0);
        assertEquals(damaged.length - 4, cause.offset());
        assertEquals("image checksum mismatch: damaged or truncated", cause.reason());
    }

    @Test
    void aDamagedBlockFailsWhenItIsReachedAndTheBlocksBeforeItStillRead() throws IOException {
        byte[] damaged = stream.clone();
        damaged[damaged.length - 30] ^= 0x01; // in the last block
        GlowzipImageReader reader = reader(damaged);
        assertSameImage(images.get(1), reader.read(1));
        MalformedStreamException cause = assertCause(assertThrows(IIOException.class, () -> reader.read(5)));
        assertTrue(cause.reason().startsWith("block checksum mismatch"), cause.reason());
        assertTrue(cause.offset() > StreamFormat.HEADER_SIZE && cause.offset() < damaged.length, "offset " + cause.offset());
    }

    @Test
    void aTruncatedStreamSaysWhereItEnds() {
        byte[] truncated = Arrays.copyOf(stream, stream.length - 5);
        MalformedStreamException cause = assertCause(assertThrows(IIOException.class, () -> reader(truncated).getNumImages(true)));
        assertEquals(truncated.length, cause.offset());
        assertTrue(cause.reason().startsWith("stream truncated in end block"), cause.reason());
    }

    @Test
    void bytesAfterTheEndAreRefused() {
        byte[] longer = Arrays.copyOf(stream, stream.length + 1);
        MalformedStreamException cause = assertCause(assertThrows(IIOException.class, () -> reader(longer).getNumImages(true)));
        assertEquals(stream.length, cause.offset());
        assertEquals("data after the end block", cause.reason());
    }

    @Test
    void foreignBytesAreNoGlowzipAndNoReaderClaimsThem() throws IOException {
        byte[] foreign = "GIF89a, not glowzip".getBytes(StandardCharsets.US_ASCII);
        MalformedStreamException cause = failure(foreign, 0);
        assertEquals(0, cause.offset());
        assertEquals("not a glowzip image or stream", cause.reason());
        assertEquals(null, ImageIO.read(new ByteArrayInputStream("nothing an image reader knows".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void aStreamOfAnotherModelNamesIt() {
        GlowzipImageReader reader = reader(stream);
        reader.setCodec(new ImageCodec(SequenceTest.TINY));
        MalformedStreamException cause = assertCause(assertThrows(IIOException.class, () -> reader.getWidth(0)));
        assertEquals(StreamFormat.FINGERPRINT_OFFSET, cause.offset());
        assertTrue(cause.reason().startsWith("stream was coded with model "), cause.reason());
    }

    @Test
    void aBlockBeyondTheDecodeLimitIsRefusedBeforeItIsDecoded() {
        GlowzipImageReader reader = reader(stream);
        reader.setCodec(BundledModel.CODEC.withMaxDecodeSamples(31));
        DecodeLimitException cause = assertInstanceOf(DecodeLimitException.class, assertThrows(IIOException.class, () -> reader.read(0)).getCause());
        assertTrue(cause.reason().contains("32 samples"), cause.reason());
        assertEquals(0, reader.decodedBlocks());
    }

    private static MalformedStreamException failure(byte[] bytes, int image) {
        return assertCause(assertThrows(IIOException.class, () -> reader(bytes).read(image)));
    }

    private static MalformedStreamException assertCause(IIOException e) {
        MalformedStreamException cause = assertInstanceOf(MalformedStreamException.class, e.getCause());
        assertEquals("glowzip: " + cause.getMessage(), e.getMessage());
        return cause;
    }

    private static GlowzipImageReader reader(byte[] bytes) {
        GlowzipImageReader reader = SequenceTest.reader(bytes);
        reader.setCodec(BundledModel.CODEC);
        return reader;
    }
}
