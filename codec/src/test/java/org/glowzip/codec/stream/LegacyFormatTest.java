package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.ModelSet;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.ModelFileWriter;
import org.glowzip.codec.tile.TileCoding;
import org.junit.jupiter.api.Test;

/**
 * Files of every released format and bundled model still decode (DESIGN.md, compatibility): a
 * version 2 stream of the first three Fashion-MNIST test images in two blocks and a version 1
 * single image of the first (the bundled model, code at commit 2325581); a version 3 stream of
 * the three and a version 2 single image of a 60 x 50 RGB gradient, 18 isolated tiles (commit
 * e63da39); a version 4 stream of the three, and version 3 single images of the gradient coded
 * with the RGB photo model and of its gray version with the gray photo model (commit bbcec3c,
 * tiles with neighbours); a version 5 stream of the three, the gray and the RGB gradient, each
 * coded with the bundled model it picks (two model blocks), and version 4 single images of the
 * two gradients (commit 1e51552, lanes and waves); a version 5 stream of the 64 Fashion-MNIST
 * test images of the test resources coded with the bundled Glow without its context model, on 64
 * lanes of one tile each (commit 3270df6); a version 6 stream of the three and the two gradients,
 * as the version 5 one, version 5 single images of the gradients, and a version 6 stream of 512
 * Fashion-MNIST-shaped images, 500 of them black, coded with the bundled Glow without its context
 * model on the two lanes that version implied (commit cb26dce).
 */
class LegacyFormatTest {
    private static final ImageCodec BUNDLED = ImageCodec.bundled();
    private static final List<Image> EXPECTED = TestImages.fashionMnist(3);

    @Test
    void aVersion2StreamDecodes() throws IOException {
        byte[] stream = resource("v2-stream-3-images-2-blocks.glz");
        assertEquals(2, stream[StreamFormat.VERSION_OFFSET]);
        assertReadsAll(BUNDLED.reader(new ByteArrayInputStream(stream)), EXPECTED, "version 2");
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

    @Test
    void version3And4StreamsDecode() throws IOException {
        for (String name : List.of("v3-stream-3-images.glz", "v4-stream-3-images.glz")) {
            StreamSummary summary = decodes(name, BUNDLED::reader, EXPECTED);
            assertEquals(0, summary.modelBlocks(), name);
            assertEquals(Map.of(new StreamModel(BUNDLED.model().fingerprint(), BUNDLED.parameters()), 3L), summary.models(), name);
        }
    }

    @Test
    void version5And6StreamsOfThreeModelsDecode() throws Exception {
        ModelSet bundled = ModelSet.bundled();
        List<Image> expected = new ArrayList<>(EXPECTED);
        expected.add(ImageFormat.read(resource("gray-60x50.png")));
        expected.add(ImageFormat.read(resource("rgb-60x50.png")));
        for (String name : List.of("v5-stream-5-images-3-models.glz", "v6-stream-5-images-3-models.glz")) {
            StreamSummary summary = decodes(name, bundled::reader, expected);
            assertEquals(2, summary.modelBlocks(), name);
            assertEquals(List.of(3L, 1L, 1L), bundled.codecs().stream()
                    .map(codec -> summary.models().get(new StreamModel(codec.model().fingerprint(), codec.parameters()))).toList(), name);
        }
    }

    @Test
    void aVersion6StreamOfAGlowWithoutContextModelDecodesAndTheCurrentOneCodesItOnOneLane() throws Exception {
        ImageCodec glow = new ImageCodec(glowAlone(BUNDLED.model()));
        List<Image> real = TestImages.fashionMnist(12);
        Image black = Image.of(28, 28, 1, new byte[28 * 28]);
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            images.add(i % 43 == 0 && i / 43 < 12 ? real.get(i / 43) : black);
        }
        byte[] stream = resource("v6-stream-512-images-glow-only.glz");
        assertEquals(6, stream[StreamFormat.VERSION_OFFSET]);
        assertReadsAll(glow.reader(new ByteArrayInputStream(stream)), images, "version 6, a Glow alone on two lanes");
        byte[] current = currentStream(glow, images);
        assertReadsAll(glow.reader(new ByteArrayInputStream(current)), images, "the current format");
        assertTrue(current.length < stream.length, current.length + " bytes on one lane, " + stream.length + " on two");
    }

    @Test
    void version5SingleImagesDecodeAndAreWhatTheCurrentEncoderWrites() throws Exception {
        ModelSet bundled = ModelSet.bundled();
        for (String name : List.of("v5-single-gray-60x50.glzi", "v5-single-rgb-60x50.glzi")) {
            byte[] bytes = resource(name);
            Image image = ImageFormat.read(resource(name.substring("v5-single-".length(), name.length() - ".glzi".length()) + ".png"));
            assertEquals(5, SingleImageHeader.read(bytes).version(), name);
            assertEquals(image, bundled.decode(bytes), name);
            assertArrayEquals(bytes, codecOf(bundled, name).encode(image), name + ": the single-image form is unchanged");
        }
    }

    @Test
    void aVersion5StreamOfAGlowWithoutContextModelDecodesAndTheCurrentOneCodesItShorter() throws Exception {
        ImageCodec glow = new ImageCodec(glowAlone(BUNDLED.model()));
        List<Image> images = TestImages.fashionMnist(64);
        byte[] stream = resource("v5-stream-64-images-glow-only.glz");
        assertEquals(5, stream[StreamFormat.VERSION_OFFSET]);
        assertReadsAll(glow.reader(new ByteArrayInputStream(stream)), images, "version 5, a Glow alone");
        byte[] current = currentStream(glow, images);
        try (GlowzipReader reader = glow.reader(new ByteArrayInputStream(current))) {
            for (Image image : images) {
                assertEquals(image, reader.read());
            }
            assertTrue(reader.tally().count(TileCoding.GLOW_BITS_BACK) > 50, "on one lane, all but the first few tiles borrow");
        }
        assertTrue(current.length < stream.length * 2 / 3, current.length + " bytes on one lane, " + stream.length + " on 64");
    }

    /** How a test opens a stream: with one codec or a set of models. */
    private interface Opener {
        GlowzipReader open(InputStream in) throws IOException;
    }

    /**
     * Checks that the stream {@code name}, of the version its name starts with, reads as
     * {@code expected}, and summarises it.
     */
    private static StreamSummary decodes(String name, Opener reader, List<Image> expected) throws IOException {
        byte[] stream = resource(name);
        assertEquals(name.charAt(1) - '0', stream[StreamFormat.VERSION_OFFSET], name);
        assertReadsAll(reader.open(new ByteArrayInputStream(stream)), expected, name);
        return StreamSummary.read(new ByteArrayInputStream(stream));
    }

    /** The images as one stream of the current format. */
    private static byte[] currentStream(ImageCodec codec, List<Image> images) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GlowzipWriter writer = codec.writer(out)) {
            for (Image image : images) {
                writer.write(image);
            }
        }
        return out.toByteArray();
    }

    /** The Glow of {@code model} alone, without its context model. */
    static ModelFile glowAlone(ModelFile model) {
        return ModelFileWriter.toModelFile(model.config(), model.tensors().values().stream()
                .filter(tensor -> !tensor.name().startsWith(ContextModel.PREFIX)).toList());
    }

    @Test
    void version2To4SingleImagesOfEveryBundledModelDecode() throws Exception {
        ModelSet bundled = ModelSet.bundled();
        Image rgb = ImageFormat.read(resource("rgb-60x50.png"));
        Image gray = ImageFormat.read(resource("gray-60x50.png"));
        for (String name : List.of("v2-single-rgb-60x50.glzi", "v3-single-rgb-60x50.glzi", "v3-single-gray-60x50.glzi",
                "v4-single-rgb-60x50.glzi", "v4-single-gray-60x50.glzi")) {
            byte[] bytes = resource(name);
            assertEquals(name.charAt(1) - '0', SingleImageHeader.read(bytes).version(), name);
            assertEquals(name.contains("gray") ? gray : rgb, bundled.decode(bytes), name);
        }
        assertEquals(List.of(0, 2, 1, 2, 1), List.of("v2-single-rgb-60x50.glzi", "v3-single-rgb-60x50.glzi", "v3-single-gray-60x50.glzi",
                "v4-single-rgb-60x50.glzi", "v4-single-gray-60x50.glzi").stream()
                .map(name -> bundled.codecs().indexOf(codecOf(bundled, name))).toList(), "each names its model");
    }

    private static ImageCodec codecOf(ModelSet models, String name) {
        try {
            return models.codecOf(resource(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code expected} from {@code reader} in order, then the end of the stream, and closes it. */
    private static void assertReadsAll(GlowzipReader reader, List<Image> expected, String message) throws IOException {
        try (reader) {
            for (Image image : expected) {
                assertEquals(image, reader.read(), message);
            }
            assertNull(reader.read(), message);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LegacyFormatTest.class.getResourceAsStream("/legacy/" + name)) {
            return in.readAllBytes();
        }
    }
}
