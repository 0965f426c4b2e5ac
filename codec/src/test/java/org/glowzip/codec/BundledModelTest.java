package org.glowzip.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.stream.GlowzipReader;
import org.glowzip.codec.stream.StreamFormat;
import org.glowzip.codec.stream.TestImages;
import org.glowzip.codec.stream.TestStreams;
import org.junit.jupiter.api.Test;

/**
 * The bundled Fashion-MNIST model on real test images: streams are coded (not stored raw),
 * smaller than the raw samples, decode exactly, and damage to a coded block is caught.
 */
class BundledModelTest {
    private static final ImageCodec CODEC = ImageCodec.bundled();

    private static byte[] stream(List<Image> images) {
        return TestStreams.of(CODEC, images.toArray(Image[]::new));
    }

    @Test
    void realImagesCompressAndComeBackExactly() throws IOException {
        List<Image> images = TestImages.fashionMnist(64);
        byte[] stream = stream(images);
        assertEquals(StreamFormat.CODED, stream[StreamFormat.HEADER_SIZE], "the block is coded, not raw");
        assertTrue(stream.length < 64 * 784 * 0.75, "compresses below 6 bpd: " + 8.0 * stream.length / (64 * 784) + " bpd");
        try (GlowzipReader reader = CODEC.reader(new ByteArrayInputStream(stream))) {
            for (Image image : images) {
                assertEquals(image, reader.read());
            }
        }
    }

    @Test
    void damageToACodedBlockIsCaughtAtEveryByte() throws IOException {
        byte[] stream = stream(TestImages.fashionMnist(4));
        for (int position = 0; position < stream.length; position += 7) {
            byte[] damaged = stream.clone();
            damaged[position] ^= (byte) (1 << (position % 8));
            assertThrows(MalformedStreamException.class, () -> {
                try (GlowzipReader reader = CODEC.reader(new ByteArrayInputStream(damaged))) {
                    while (reader.read() != null) {
                        // decode everything
                    }
                }
            }, "flip at byte " + position);
        }
    }
}
