package org.glowzip.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
import org.glowzip.codec.stream.StreamSummary;
import org.glowzip.codec.stream.TestImages;
import org.glowzip.codec.stream.TestStreams;
import org.junit.jupiter.api.Test;

/** A set picks per image the model that codes it shortest, and decodes with the model the bytes name. */
class ModelSetTest {
    private static final ImageCodec GRAY = new ImageCodec(RandomModels.withContext(new GlowConfig(1, 1, 4, CouplingType.AFFINE, 1, 8, 8), 3,
            new ResidualFeatures(2, 1), 8, 1.0), CodingParameters.DEFAULT, GlowzipWriter.DEFAULT_BLOCK_SAMPLES);
    private static final ImageCodec RGB = new ImageCodec(RandomModels.withContext(new GlowConfig(1, 1, 4, CouplingType.AFFINE, 3, 4, 4), 4,
            2, 8, 1.0), CodingParameters.DEFAULT, GlowzipWriter.DEFAULT_BLOCK_SAMPLES);
    private static final ModelSet SET = ModelSet.of(List.of(GRAY, RGB));
    /** Two gray models, one expecting black samples and one white: each codes its own constant images shortest. */
    private static final ImageCodec BLACK = expecting(0);
    private static final ImageCodec WHITE = expecting(255);
    private static final ModelSet BLACK_AND_WHITE = ModelSet.of(List.of(BLACK, WHITE));

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
    void aStreamRunsTheTrialForTheFirstImageOfEachShapeAndFormatAndSwitchesModelsWhereThePickChanges() throws Exception {
        Image black = TestImages.image(8, 8, 1, "zero", 1);
        Image white = TestImages.image(8, 8, 1, "full", 1);
        Image otherWhite = TestImages.image(9, 7, 1, "full", 1);
        Image whiteRgb = TestImages.image(8, 8, 3, "full", 1);
        assertEquals(List.of(BLACK, WHITE, WHITE, WHITE), List.of(black, white, otherWhite, whiteRgb).stream().map(BLACK_AND_WHITE::choose).toList(),
                "each image's own trial");
        List<Image> images = List.of(black, white, otherWhite, black, whiteRgb, white);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GlowzipWriter writer = BLACK_AND_WHITE.writer(out)) {
            for (Image image : images) {
                writer.write(image);
            }
        }
        byte[] stream = out.toByteArray();
        List<ImageCodec> models = TestStreams.modelOfEachImage(stream).stream()
                .map(fingerprint -> fingerprint.equals(BLACK.model().fingerprintHex()) ? BLACK : WHITE).toList();
        assertEquals(List.of(BLACK, BLACK, WHITE, BLACK, WHITE, BLACK), models, "the second white 8 x 8 gray image takes the first's pick");
        assertEquals(4, StreamSummary.read(new ByteArrayInputStream(stream)).modelBlocks());
        try (GlowzipReader reader = BLACK_AND_WHITE.reader(new BufferedInputStream(new ByteArrayInputStream(stream)))) {
            for (Image image : images) {
                assertEquals(image, reader.read());
            }
            assertEquals(null, reader.read());
        }
    }

    @Test
    void aStreamOfASetOfOneModelHasNoModelBlocks() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GlowzipWriter writer = ModelSet.of(List.of(WHITE)).writer(out)) {
            writer.write(TestImages.image(8, 8, 1, "zero", 1));
            writer.write(TestImages.image(5, 3, 3, "full", 1));
        }
        StreamSummary summary = StreamSummary.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(List.of(0L, 2L), List.of(summary.modelBlocks(), summary.images()));
    }

    @Test
    void aNamedSetNamesItsModelsByFingerprintOrPrefix() {
        ModelSet named = ModelSet.named(List.of("black"), List.of(BLACK));
        assertEquals(Optional.of("black"), named.name(BLACK.model().fingerprint()));
        assertEquals(Optional.of("black"), named.name(Arrays.copyOf(BLACK.model().fingerprint(), 4)));
        assertEquals(Optional.empty(), named.name(WHITE.model().fingerprint()));
        assertEquals(Optional.of(BLACK.model().fingerprintHex().substring(0, 8)), BLACK_AND_WHITE.name(BLACK.model().fingerprint()),
                "an unnamed model by its fingerprint");
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

    @Test
    void aRetiredModelDecodesWhatItCodedAndCodesNothing() throws Exception {
        Image black = TestImages.image(8, 8, 1, "zero", 1);
        byte[] single = BLACK.encode(black);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GlowzipWriter writer = BLACK.writer(out)) {
            writer.write(black);
        }
        ModelSet whiteRetiringBlack = ModelSet.named(List.of("white"), List.of(WHITE)).retiring("black-old", BLACK);
        assertEquals(black, whiteRetiringBlack.decode(single));
        try (GlowzipReader reader = whiteRetiringBlack.reader(new BufferedInputStream(new ByteArrayInputStream(out.toByteArray())))) {
            assertEquals(black, reader.read());
            assertEquals(null, reader.read());
        }
        assertEquals("black-old", whiteRetiringBlack.nameOf(single));
        assertEquals(Optional.of("black-old"), whiteRetiringBlack.name(BLACK.model().fingerprint()));
        assertSame(WHITE, whiteRetiringBlack.choose(black), "a retired model is never picked, even where it codes shortest");
        assertEquals("white", whiteRetiringBlack.nameOf(whiteRetiringBlack.encode(black)));
        assertEquals(List.of("white"), whiteRetiringBlack.names());
        assertEquals(List.of("black-old"), whiteRetiringBlack.withMaxDecodeSamples(1000).retiredNames());
        assertEquals(List.of(BLACK), whiteRetiringBlack.retired());
        assertThrows(IllegalArgumentException.class, () -> whiteRetiringBlack.retiring("white", GRAY));
    }

    private static ImageCodec expecting(int value) {
        return new ImageCodec(RandomModels.expecting(RandomModels.withContext(new GlowConfig(2, 1, 4, CouplingType.AFFINE, 1, 8, 8), 5, 1, 8, 1.0),
                value, 40));
    }
}
