package org.glowzip.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.stream.GlowzipReader;
import org.glowzip.codec.stream.GlowzipWriter;
import org.glowzip.codec.stream.TestImages;
import org.glowzip.codec.stream.TestStreams;
import org.junit.jupiter.api.Test;

class ImageCodecTest {
    static final ImageCodec GRAY = new ImageCodec(RandomModels.of(new GlowConfig(2, 1, 4, CouplingType.AFFINE, 1, 8, 8), 7));
    static final ImageCodec BUNDLED = ImageCodec.bundled();
    static final ImageCodec RGB = new ImageCodec(RandomModels.of(new GlowConfig(1, 1, 4, CouplingType.AFFINE, 3, 4, 4), 8));

    @Provide
    Arbitrary<Image> images() {
        return TestImages.images();
    }

    private static Image image(int width, int height, int channels, String content, long seed) {
        return TestImages.image(width, height, channels, content, seed);
    }

    @Property(tries = 300)
    void decodeEncodeIsTheIdentity(@ForAll("images") Image image, @ForAll boolean rgbModel) throws MalformedStreamException {
        ImageCodec codec = rgbModel ? RGB : GRAY;
        byte[] bytes = codec.encode(image);
        assertEquals(image, codec.decode(bytes));
        assertEquals(8L * bytes.length, codec.codelength(image), "codelength is the coded size");
        assertTrue(bytes.length <= image.sampleCount() + 15, "never more than the documented bound over raw");
    }

    @Test
    void theBundledModelCodesConstantRgbAndWideImages() throws MalformedStreamException {
        List<Image> real = TestImages.fashionMnist(3);
        byte[] rgb = new byte[28 * 28 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = real.get(i % 3).samples()[i / 3];
        }
        byte[] sideBySide = new byte[55 * 28];
        for (int i = 0; i < sideBySide.length; i++) {
            int x = i % 55;
            sideBySide[i] = (byte) real.get(x < 28 ? 1 : 2).sample(i / 55, x % 28, 0);
        }
        for (Image image : List.of(image(28, 28, 1, "zero", 0), image(28, 28, 1, "full", 0), Image.of(28, 28, 3, rgb),
                Image.of(55, 28, 1, sideBySide))) {
            byte[] bytes = BUNDLED.encode(image);
            assertEquals(1, bytes[3] & 1, image + " is coded");
            assertEquals(image, BUNDLED.decode(bytes), image.toString());
        }
    }

    @Property(tries = 100)
    void aStreamOfOneImageStillDecodes(@ForAll("images") Image image) throws MalformedStreamException {
        assertEquals(image, GRAY.decode(TestStreams.of(GRAY, image)));
    }

    @Test
    void streamsOfOtherThanOneImageAreRefused() {
        Image image = image(3, 3, 1, "gradient", 0);
        for (byte[] stream : List.of(TestStreams.of(GRAY), TestStreams.of(GRAY, image, image))) {
            MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> GRAY.decode(stream));
            assertEquals("stream does not hold exactly one image", e.reason());
        }
    }

    @Property(tries = 50)
    void streamReturnsImagesInOrderAcrossBlocks(@ForAll @IntRange(min = 0, max = 40) int count, @ForAll @IntRange(min = 1, max = 500) int blockSamples,
            @ForAll long seed) throws IOException {
        ImageCodec codec = new ImageCodec(GRAY.model(), CodingParameters.DEFAULT, blockSamples);
        SplittableRandom random = new SplittableRandom(seed);
        List<Image> images = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GlowzipWriter writer = codec.writer(out)) {
            for (int i = 0; i < count; i++) {
                Image image = image(1 + random.nextInt(12), 1 + random.nextInt(12), random.nextBoolean() ? 1 : 3,
                        random.nextBoolean() ? "gradient" : "noise", random.nextLong());
                images.add(image);
                writer.write(image);
            }
        }
        try (GlowzipReader reader = codec.reader(new ByteArrayInputStream(out.toByteArray()))) {
            for (Image expected : images) {
                assertEquals(expected, reader.read());
            }
            assertNull(reader.read());
        }
    }

    @Test
    void aDifferentModelIsRefusedByName() {
        Image image = image(8, 8, 1, "gradient", 0);
        ImageCodec other = new ImageCodec(RandomModels.of(new GlowConfig(2, 1, 4, CouplingType.AFFINE, 1, 8, 8), 99));
        MalformedStreamException single = assertThrows(MalformedStreamException.class, () -> other.decode(GRAY.encode(image)));
        assertEquals(4, single.offset());
        assertTrue(single.reason().startsWith("image was coded with another model ("), single.reason());
        MalformedStreamException stream = assertThrows(MalformedStreamException.class, () -> other.decode(TestStreams.of(GRAY, image)));
        assertEquals(9, stream.offset());
        assertTrue(stream.reason().startsWith("stream was coded with model "), stream.reason());
    }
}
