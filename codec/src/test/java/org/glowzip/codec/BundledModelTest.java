package org.glowzip.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.stream.GlowzipReader;
import org.glowzip.codec.stream.GlowzipWriter;
import org.glowzip.codec.stream.StreamFormat;
import org.junit.jupiter.api.Test;

/**
 * The bundled Fashion-MNIST model on real test images: streams are coded (not stored raw),
 * smaller than the raw samples, decode exactly, and damage to a coded block is caught.
 */
class BundledModelTest {
    private static final ImageCodec CODEC = ImageCodec.bundled();

    static List<Image> testImages(int count) throws IOException {
        try (InputStream in = new GZIPInputStream(BundledModelTest.class.getResourceAsStream("/fashion-mnist-t10k-64-images-idx3-ubyte.gz"))) {
            byte[] idx = in.readAllBytes();
            List<Image> images = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                images.add(Image.of(28, 28, 1, Arrays.copyOfRange(idx, 16 + i * 784, 16 + (i + 1) * 784)));
            }
            return images;
        }
    }

    private static byte[] stream(List<Image> images) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GlowzipWriter writer = CODEC.writer(out)) {
            for (Image image : images) {
                writer.write(image);
            }
        }
        return out.toByteArray();
    }

    @Test
    void realImagesCompressAndComeBackExactly() throws IOException {
        List<Image> images = testImages(64);
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
        byte[] stream = stream(testImages(4));
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
