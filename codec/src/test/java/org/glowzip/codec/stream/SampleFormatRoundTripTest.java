package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.SampleFormat;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.tile.TileCoder;
import org.glowzip.codec.tile.TileFormat;
import org.glowzip.codec.tile.TileTally;
import org.junit.jupiter.api.Test;

/** Every sample format, with and without metadata, comes back exactly from both forms, through gray and RGB models. */
class SampleFormatRoundTripTest {
    private static final ModelFile GRAY = RandomModels.of(new GlowConfig(2, 1, 4, CouplingType.AFFINE, 1, 8, 8), 7);
    private static final ModelFile RGB = RandomModels.of(new GlowConfig(2, 1, 4, CouplingType.AFFINE, 3, 4, 4), 11);
    private static final ImageCodec GRAY_CODEC = new ImageCodec(GRAY, CodingParameters.DEFAULT, 600);
    private static final ImageCodec RGB_CODEC = new ImageCodec(RGB, CodingParameters.DEFAULT, 600);

    @Provide
    Arbitrary<Image> images() {
        return TestImages.anyFormat();
    }

    @Property(tries = 150)
    void singleImagesRoundTrip(@ForAll("images") Image image, @ForAll boolean rgbModel) throws IOException {
        ImageCodec codec = rgbModel ? RGB_CODEC : GRAY_CODEC;
        byte[] bytes = codec.encode(image);
        Image decoded = codec.decode(bytes);
        assertEquals(image, decoded);
        assertArrayEquals(image.metadata(), decoded.metadata());
        assertEquals(image.format(), SingleImageHeader.read(bytes).format());
        assertEquals(8L * bytes.length, codec.codelength(image));
    }

    @Property(tries = 60)
    void streamsOfMixedFormatsRoundTripInOrder(@ForAll @Size(min = 1, max = 8) List<@From("images") Image> images, @ForAll boolean rgbModel)
            throws IOException {
        ImageCodec codec = rgbModel ? RGB_CODEC : GRAY_CODEC;
        byte[] stream = TestStreams.of(codec, images.toArray(Image[]::new));
        List<Image> decoded = new ArrayList<>();
        try (GlowzipReader reader = codec.reader(new ByteArrayInputStream(stream))) {
            for (Image image; (image = reader.read()) != null; ) {
                decoded.add(image);
            }
        }
        assertEquals(images, decoded);
        for (int i = 0; i < images.size(); i++) {
            assertArrayEquals(images.get(i).metadata(), decoded.get(i).metadata());
        }
        StreamSummary summary = StreamSummary.read(new ByteArrayInputStream(stream));
        assertEquals(images.size(), summary.images());
        assertEquals(images.stream().mapToLong(image -> image.metadata().length).sum(), summary.metadataBytes());
    }

    @Property(tries = 60)
    void aBlockOfMixedFormatsPopsBackToAFreshMessage(@ForAll @Size(min = 1, max = 5) List<@From("images") Image> images) throws IOException {
        BlockCoder coder = new BlockCoder(new TileCoder(GRAY, CodingParameters.DEFAULT));
        Message[] lanes;
        try {
            lanes = coder.encode(images, LanePlan.LaneCount.CHOSEN);
        } catch (ArithmeticException outOfRange) {
            return; // such a block is stored raw; the stream properties cover it
        }
        Message[] received = BlockCoderTest.received(lanes);
        List<ImageShape> shapes = images.stream().map(ImageShape::of).toList();
        List<Image> decoded = coder.decode(received, shapes, TileFormat.CURRENT, 0, new TileTally());
        assertTrue(Arrays.stream(received).allMatch(Message::isFresh), "every word pushed was popped");
        for (int i = 0; i < images.size(); i++) {
            assertArrayEquals(images.get(i).samples(), decoded.get(i).samples());
        }
    }

    @Test
    void everyFormatAt1x1AndItsExtremesRoundTrips() throws IOException {
        for (SampleFormat format : TestImages.formats()) {
            for (String content : List.of("zero", "full", "noise")) {
                for (byte[] metadata : List.of(new byte[0], new byte[] {1, 2, 3})) {
                    Image image = TestImages.image(1, 1, format, content, 3).withMetadata(metadata);
                    assertEquals(image, GRAY_CODEC.decode(GRAY_CODEC.encode(image)), format + " " + content);
                    assertArrayEquals(metadata, GRAY_CODEC.decode(GRAY_CODEC.encode(image)).metadata());
                    assertEquals(image, GRAY_CODEC.decode(TestStreams.of(GRAY_CODEC, image)), format + " " + content + " in a stream");
                }
            }
        }
    }

    @Test
    void aBlockOfPlainSameSizedImagesCostsOneRun() throws IOException {
        List<Image> images = List.of(TestImages.image(5, 4, 1, "noise", 1), TestImages.image(5, 4, 1, "zero", 2), TestImages.image(5, 4, 1, "full", 3));
        ImageTable table = ImageTable.of(images);
        assertEquals(1, table.runs().size());
        assertEquals(ImageTable.RUN_SIZE, table.write().length);
        List<Image> mixed = List.of(images.get(0), images.get(1).withMetadata(new byte[] {9}), images.get(2));
        assertEquals(3, ImageTable.of(mixed).runs().size(), "metadata starts a run of its own");
    }
}
