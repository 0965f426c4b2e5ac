package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ModelSet;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.tile.TileCoder;
import org.junit.jupiter.api.Test;

/**
 * Streams that switch models between blocks (format 5): a writer whose chooser changes its pick
 * writes a model block there and a block holds images of one model; they decode with the models
 * they name; model blocks out of their place, naming the model in force, not followed by images,
 * in a version 4 stream or naming a model unknown here are refused at the offset the format names.
 */
class ModelBlockTest {
    /** Small random models whose context models expect 0, so that they code the mostly black test images in a few bits. */
    private static final ModelFile GRAY = RandomModels.expecting(
            RandomModels.withContext(new GlowConfig(2, 1, 4, CouplingType.AFFINE, 1, 8, 8), 7, 1, 8, 1.0), 0, 40);
    private static final ModelFile RGB = RandomModels.expecting(
            RandomModels.withContext(new GlowConfig(1, 1, 4, CouplingType.AFFINE, 3, 4, 4), 8, 1, 8, 1.0), 0, 40);
    private static final ModelFile FOREIGN = RandomModels.of(new GlowConfig(2, 1, 4, CouplingType.AFFINE, 1, 8, 8), 99);
    private static final TileCoder GRAY_TILES = new TileCoder(GRAY, CodingParameters.DEFAULT);
    private static final TileCoder RGB_TILES = new TileCoder(RGB, CodingParameters.DEFAULT);
    private static final ModelSet BOTH = ModelSet.of(List.of(new ImageCodec(GRAY), new ImageCodec(RGB)));
    /** The gray model for images of one plane, the RGB model for the others and for a stream without images. */
    private static final ModelChooser BY_PLANES = new ModelChooser() {
        @Override
        public TileCoder choose(Image image) {
            return image.planes() == 1 ? GRAY_TILES : RGB_TILES;
        }

        @Override
        public TileCoder forNoImages() {
            return RGB_TILES;
        }
    };
    private static final List<Image> MIXED_IMAGES = List.of(gray(0), gray(1), rgb(2), gray(3));
    /** Blocks: 0 images of the gray model, 1 model block (RGB), 2 images, 3 model block (gray), 4 images. */
    private static final StreamSections MIXED = StreamSections.of(stream(BY_PLANES, 1000, MIXED_IMAGES));

    @Property(tries = 30)
    void everyImageComesBackAndEachBlockHoldsImagesOfTheModelPickedForThem(@ForAll @Size(min = 1, max = 8) List<Boolean> rgb,
            @ForAll @IntRange(min = 30, max = 300) int blockSamples, @ForAll long seed) throws IOException {
        List<Image> images = new ArrayList<>();
        List<StreamModel> picks = new ArrayList<>();
        int switches = 0;
        for (int i = 0; i < rgb.size(); i++) {
            images.add(rgb.get(i) ? rgb(seed + i) : gray(seed + i));
            picks.add(StreamModel.of(BY_PLANES.choose(images.get(i))));
            switches += i > 0 && !rgb.get(i).equals(rgb.get(i - 1)) ? 1 : 0;
        }
        byte[] stream = stream(BY_PLANES, blockSamples, images);
        assertEquals(images, readAll(BOTH.resolver(), stream));

        StreamParser parser = new StreamParser();
        int position = 0;
        int image = 0;
        int models = 0;
        int blocks = 0;
        StreamParser.End end = null;
        while (!parser.finished()) {
            int n = parser.needed();
            StreamParser.Event event = parser.accept(Arrays.copyOfRange(stream, position, position + n));
            position += n;
            if (event instanceof StreamParser.Header header) {
                assertEquals(picks.get(0), header.model().model(), "the header names the first image's model");
            } else if (event instanceof StreamParser.Model) {
                models++;
            } else if (event instanceof StreamParser.Block block) {
                blocks++;
                for (int i = 0; i < block.table().images(); i++) {
                    assertEquals(picks.get(image++), block.model().model(), "image " + (image - 1));
                }
            } else if (event instanceof StreamParser.End e) {
                end = e;
            }
        }
        assertEquals(switches, models, "a model block where the pick changes, and nowhere else");
        assertEquals(blocks + models, end.blocks(), "the end block counts model blocks");
        StreamSummary summary = StreamSummary.read(new ByteArrayInputStream(stream));
        assertEquals(models, summary.modelBlocks());
        assertEquals(blocks, summary.codedBlocks() + summary.rawBlocks());
        long gray = rgb.stream().filter(b -> !b).count();
        assertEquals(images.size(), summary.models().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(gray, summary.models().getOrDefault(StreamModel.of(GRAY_TILES), 0L));
    }

    @Test
    void theFixtureSwitchesTwice() throws IOException {
        assertEquals(List.of(StreamFormat.CODED, StreamFormat.MODEL, StreamFormat.CODED, StreamFormat.MODEL, StreamFormat.CODED),
                MIXED.blocks().stream().map(block -> (int) block[0]).toList());
        assertEquals(MIXED_IMAGES, readAll(BOTH.resolver(), MIXED.bytes()));
        assertEquals(5, ByteBuffer.wrap(MIXED.bytes()).getInt((int) MIXED.start(5) + 9), "the end block counts the model blocks");
        assertEquals(1 + 4 + 32 + 4, MIXED.blocks().get(1).length);
        assertArrayEquals(RGB.fingerprint(), Arrays.copyOfRange(MIXED.blocks().get(1), 5, 37));
        assertEquals(Map.of(StreamModel.of(GRAY_TILES), 3L, StreamModel.of(RGB_TILES), 1L),
                StreamSummary.read(new ByteArrayInputStream(MIXED.bytes())).models());
    }

    @Test
    void aStreamWithoutImagesNamesTheModelForNoImages() throws IOException {
        byte[] stream = stream(BY_PLANES, 1000, List.of());
        StreamSummary summary = StreamSummary.read(new ByteArrayInputStream(stream));
        assertEquals(StreamModel.of(RGB_TILES), summary.header().model());
        assertEquals(List.of(0L, 0L, Map.of()), List.of(summary.images(), summary.modelBlocks(), summary.models()));
        assertEquals(List.of(), readAll(BOTH.resolver(), stream));
    }

    @Test
    void aModelBlockMaySwitchTheCodingParametersAlone() throws IOException {
        TileCoder coarse = new TileCoder(GRAY, new CodingParameters(12, 14, 20, 4));
        ModelChooser byPlanes = new ModelChooser() {
            @Override
            public TileCoder choose(Image image) {
                return image.planes() == 1 ? GRAY_TILES : coarse;
            }

            @Override
            public TileCoder forNoImages() {
                return GRAY_TILES;
            }
        };
        List<Image> images = List.of(gray(1), rgb(2), gray(3));
        byte[] stream = stream(byPlanes, 1000, images);
        assertEquals(2, StreamSummary.read(new ByteArrayInputStream(stream)).modelBlocks());
        assertEquals(images, readAll(new ImageCodec(GRAY).resolver(), stream));
    }

    @Test
    void modelBlocksOutOfTheirPlaceAreRejectedAtTheirNumber() {
        String reordered = " belongs: blocks reordered, duplicated or dropped";
        assertRejected(MIXED.spliced(0, 2, 1, 3, 4), MIXED.start(1) + 1, "block number 2 where block 1" + reordered);
        assertRejected(MIXED.spliced(0, 2, 3, 4), MIXED.start(1) + 1, "block number 2 where block 1" + reordered);
        assertRejected(MIXED.spliced(0, 1, 1, 2, 3, 4), MIXED.start(2) + 1, "block number 1 where block 2" + reordered);
        assertRejected(MIXED.spliced(0, 1, 2, 4), MIXED.start(3) + 1, "block number 4 where block 3" + reordered);
    }

    @Test
    void aModelBlockOfAnotherStreamIsRejectedAtItsChecksum() {
        StreamSections other = StreamSections.of(stream(BY_PLANES, 1000, List.of(gray(7), gray(8), rgb(9), gray(10))));
        byte[] spliced = MIXED.bytes().clone();
        int from = (int) MIXED.start(1);
        System.arraycopy(other.bytes(), (int) other.start(1), spliced, from, (int) (MIXED.start(2) - from));
        assertRejected(spliced, MIXED.start(2) - 4, "model block checksum mismatch: damaged, or a block of another stream");
    }

    @Test
    void aModelBlockNamingTheModelInForceIsRejectedAtItsFingerprint() {
        List<byte[]> blocks = MIXED.copyOfBlocks();
        System.arraycopy(GRAY.fingerprint(), 0, blocks.get(1), 5, 32);
        assertRejected(MIXED.with(blocks), MIXED.start(1) + 5, "a model block naming the model already in force");
    }

    @Test
    void aModelBlockMustBeFollowedByImages() {
        List<byte[]> blocks = MIXED.copyOfBlocks();
        blocks.add(2, blocks.get(3));
        assertRejected(MIXED.with(blocks), MIXED.start(2),
                "a model block followed by another model block: a model block must be followed by a block of images");
        assertRejected(MIXED.with(MIXED.copyOfBlocks().subList(0, 2)), MIXED.start(2),
                "a model block followed by the end block: a model block must be followed by a block of images");
    }

    @Test
    void aModelBlockInAVersion4StreamIsRejected() throws IOException {
        byte[] version4 = MIXED.assemble(4, MIXED.copyOfBlocks());
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> StreamSummary.read(new ByteArrayInputStream(version4)));
        assertEquals("a model block in a version 4 stream: model blocks begin with version 5", e.reason());
        assertEquals(MIXED.start(1), e.offset());
        byte[] grayOnly = MIXED.assemble(4, List.of(MIXED.blocks().get(0)));
        assertEquals(2, StreamSummary.read(new ByteArrayInputStream(grayOnly)).images(),
                "version 4 without model blocks parses (its payloads are messages, not lanes: LegacyFormatTest decodes one)");
    }

    @Test
    void aModelBlockWithCodingParametersOutOfRangeIsRejectedAtThem() {
        List<byte[]> blocks = MIXED.copyOfBlocks();
        blocks.get(1)[37] = 7;
        assertRejected(MIXED.with(blocks), MIXED.start(1) + 37, "fractional bits 7 outside [8, 20]");
    }

    @Test
    void aModelUnknownHereIsRejectedWhereTheModelBlockNamesItAfterTheImagesBeforeIt() throws IOException {
        List<byte[]> blocks = MIXED.copyOfBlocks();
        System.arraycopy(FOREIGN.fingerprint(), 0, blocks.get(1), 5, 32);
        byte[] foreign = MIXED.with(blocks);
        MalformedStreamException inSet = assertThrows(MalformedStreamException.class, () -> readAll(BOTH.resolver(), foreign));
        assertEquals(MIXED.start(1) + 5, inSet.offset());
        assertEquals("coded with model " + HexFormat.of().formatHex(FOREIGN.fingerprint()) + "..., which none of the 2 models here has",
                inSet.reason());

        ImageCodec grayAlone = new ImageCodec(GRAY);
        try (GlowzipReader reader = grayAlone.reader(new ByteArrayInputStream(MIXED.bytes()))) {
            assertEquals(MIXED_IMAGES.get(0), reader.read());
            assertEquals(MIXED_IMAGES.get(1), reader.read());
            MalformedStreamException alone = assertThrows(MalformedStreamException.class, reader::read);
            assertEquals(MIXED.start(1) + 5, alone.offset());
            assertEquals("stream was coded with model " + HexFormat.of().formatHex(RGB.fingerprint()).substring(0, 16)
                    + "..., this codec has model " + HexFormat.of().formatHex(GRAY.fingerprint()).substring(0, 16) + "...", alone.reason());
        }
    }

    private static Image gray(long seed) {
        return mostlyBlack(6, 5, 1, seed);
    }

    private static Image rgb(long seed) {
        return mostlyBlack(10, 8, 3, seed);
    }

    /** A black image but for one sample, which {@code seed} places and sets: coded blocks, of images told apart. */
    private static Image mostlyBlack(int width, int height, int channels, long seed) {
        byte[] samples = new byte[width * height * channels];
        samples[(int) Math.floorMod(seed, samples.length)] = (byte) (seed | 1);
        return Image.of(width, height, channels, samples);
    }

    private static byte[] stream(ModelChooser models, long blockSamples, List<Image> images) {
        return TestStreams.of(models, blockSamples, images.toArray(Image[]::new));
    }

    private static List<Image> readAll(ModelResolver models, byte[] stream) throws IOException {
        List<Image> images = new ArrayList<>();
        try (GlowzipReader reader = new GlowzipReader(new ByteArrayInputStream(stream), models, GlowzipReader.DEFAULT_MAX_SAMPLES)) {
            for (Image image = reader.read(); image != null; image = reader.read()) {
                images.add(image);
            }
        }
        return images;
    }

    private static void assertRejected(byte[] stream, long offset, String reason) {
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> readAll(BOTH.resolver(), stream));
        assertEquals(reason, e.reason());
        assertEquals(offset, e.offset());
    }
}
