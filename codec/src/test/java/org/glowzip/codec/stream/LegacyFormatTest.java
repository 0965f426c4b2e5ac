package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.image.Image;
import org.junit.jupiter.api.Test;

/**
 * Files written before format 3 and single-image form 2 still decode (DESIGN.md, compatibility):
 * a version 2 stream of the first three Fashion-MNIST test images in two blocks, and a version 1
 * single image of the first, both written with the bundled model by the code at commit 2325581.
 */
class LegacyFormatTest {
    private static final ImageCodec BUNDLED = ImageCodec.bundled();
    private static final List<Image> EXPECTED = TestImages.fashionMnist(3);

    @Test
    void aVersion2StreamDecodes() throws IOException {
        byte[] stream = resource("v2-stream-3-images-2-blocks.glz");
        assertEquals(2, stream[StreamFormat.VERSION_OFFSET]);
        try (GlowzipReader reader = BUNDLED.reader(new ByteArrayInputStream(stream))) {
            for (Image image : EXPECTED) {
                assertEquals(image, reader.read());
            }
            assertNull(reader.read());
        }
        StreamSummary summary = StreamSummary.read(new ByteArrayInputStream(stream));
        assertEquals(List.of(2, 3L, 2L, (long) stream.length), List.of(summary.header().version(), summary.images(),
                summary.codedBlocks() + summary.rawBlocks(), summary.bytes()));
    }

    @Test
    void aVersion1SingleImageDecodes() throws IOException {
        byte[] image = resource("v1-single-image.glzi");
        SingleImageHeader header = SingleImageHeader.read(image);
        assertEquals(1, header.version());
        assertEquals(EXPECTED.get(0), BUNDLED.decode(image));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LegacyFormatTest.class.getResourceAsStream("/legacy/" + name)) {
            return in.readAllBytes();
        }
    }
}
