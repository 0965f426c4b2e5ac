package org.glowzip.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.glowzip.codec.context.ResidualFeatures;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.stream.GlowzipReader;
import org.glowzip.codec.stream.GlowzipWriter;
import org.glowzip.codec.stream.TestImages;
import org.junit.jupiter.api.Test;

/** A set picks per image the model that codes it shortest, and decodes with the model the bytes name. */
class ModelSetTest {
    private static final ImageCodec GRAY = new ImageCodec(RandomModels.withContext(new GlowConfig(1, 1, 4, CouplingType.AFFINE, 1, 8, 8), 3,
            new ResidualFeatures(2, 1), 8, 1.0), CodingParameters.DEFAULT, GlowzipWriter.DEFAULT_BLOCK_SAMPLES);
    private static final ImageCodec RGB = new ImageCodec(RandomModels.withContext(new GlowConfig(1, 1, 4, CouplingType.AFFINE, 3, 4, 4), 4,
            2, 8, 1.0), CodingParameters.DEFAULT, GlowzipWriter.DEFAULT_BLOCK_SAMPLES);
    private static final ModelSet SET = ModelSet.of(List.of(GRAY, RGB));

    @Provide
    Arbitrary<Image> images() {
        return TestImages.images();
    }

    @Property(tries = 60)
    void eachImageTakesTheModelWhoseTrialIsShortestAndDecodesWithIt(@ForAll("images") Image image) throws Exception {
        ImageCodec chosen = SET.choose(image);
        long shortest = Math.min(GRAY.codelength(image), RGB.codelength(image)); // the images are smaller than the trial crop
        assertEquals(shortest, chosen.codelength(image));
        byte[] bytes = SET.encode(image);
        assertEquals(image, SET.decode(bytes));
        assertEquals(image, chosen.decode(bytes));
    }

    @Test
    void streamsAreReadWithTheModelTheirHeaderNames() throws Exception {
        List<Image> images = List.of(TestImages.image(9, 7, 3, "gradient", 1), TestImages.image(5, 5, 1, "noise", 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GlowzipWriter writer = RGB.writer(out)) {
            for (Image image : images) {
                writer.write(image);
            }
        }
        try (GlowzipReader reader = SET.reader(new BufferedInputStream(new ByteArrayInputStream(out.toByteArray())))) {
            assertEquals(images.get(0), reader.read());
            assertEquals(images.get(1), reader.read());
            assertEquals(null, reader.read());
        }
    }

    @Test
    void bytesOfAModelOutsideTheSetAreMalformed() {
        byte[] bytes = RGB.encode(TestImages.image(6, 6, 3, "gradient", 1));
        ModelSet gray = ModelSet.of(List.of(GRAY));
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> gray.decode(bytes));
        assertEquals(4, e.offset());
        assertTrue(e.reason().endsWith("which none of the 1 models here has"), e.reason());
        assertSame(GRAY, gray.choose(TestImages.image(300, 200, 3, "noise", 5)));
    }

    @Test
    void theBundledModelsAreNamedByTheirFilesAndOthersByTheirFingerprints() {
        assertEquals(List.of("fashion-mnist", "photo-gray", "photo-rgb"), ModelSet.bundled().names());
        assertEquals(List.of(GRAY.model().fingerprintHex().substring(0, 8), RGB.model().fingerprintHex().substring(0, 8)), SET.names());
        ModelSet named = ModelSet.named(List.of("gray", "rgb"), List.of(GRAY, RGB));
        assertEquals(List.of("gray", "rgb"), named.withMaxDecodeSamples(1000).names());
        assertThrows(IllegalArgumentException.class, () -> ModelSet.named(List.of("gray"), List.of(GRAY, RGB)));
        assertThrows(IllegalArgumentException.class, () -> ModelSet.named(List.of("same", "same"), List.of(GRAY, RGB)));
    }

    @Test
    void bytesNameTheModelThatCodedThem() throws Exception {
        ModelSet named = ModelSet.named(List.of("gray", "rgb"), List.of(GRAY, RGB));
        assertEquals("rgb", named.nameOf(RGB.encode(TestImages.image(6, 6, 3, "gradient", 1))));
        assertEquals("gray", named.nameOf(GRAY.encode(TestImages.image(6, 6, 3, "gradient", 1))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GlowzipWriter writer = RGB.writer(out)) {
            writer.write(TestImages.image(5, 5, 1, "noise", 2));
        }
        assertEquals("rgb", named.nameOf(out.toByteArray()));
        assertThrows(MalformedStreamException.class, () -> ModelSet.named(List.of("gray"), List.of(GRAY)).nameOf(out.toByteArray()));
    }
}
