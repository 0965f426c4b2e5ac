package org.glowzip.bench.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.image.SampleFormat;
import org.glowzip.codec.stream.TestImages;
import org.junit.jupiter.api.Test;

/** Per-image codecs: which run where, on which images, and how their outputs are checked. */
class ComparisonTest {
    private static final List<BenchImage> IMAGES = List.of(
            new BenchImage("noise", TestImages.image(13, 7, SampleFormat.RGB, "noise", 1), null),
            new BenchImage("gradient", TestImages.image(9, 11, SampleFormat.GRAY, "gradient", 2), null),
            new BenchImage("zero", TestImages.image(5, 3, SampleFormat.GRAY, "zero", 3), null));

    /** A tool that copies its PNG: a process per image, on every machine that has {@code cp}. */
    private static final ExternalTool COPY = new ExternalTool("copy", "cp", List.of("cp", "IN", "OUT"), List.of(), "png");

    /** Where a PNG file's header chunk holds the bit depth and the colour type. */
    private static final int IHDR_BIT_DEPTH = 24;
    private static final int IHDR_COLOUR_TYPE = 25;

    private final List<String> notes = new ArrayList<>();

    @Test
    void aToolThatIsNotInstalledIsSkippedWithANote() {
        ExternalTool absent = new ExternalTool("absent", "-x", List.of("glowzip-test-no-such-encoder", "IN", "OUT"),
                List.of("glowzip-test-no-such-decoder", "IN", "OUT"), "abs");
        assertFalse(absent.available());
        assertEquals(Optional.empty(), new Comparison(IMAGES, 0, notes::add).forCodec(PerImageCodec.of(absent)));
        assertEquals(List.of("absent skipped: glowzip-test-no-such-encoder or glowzip-test-no-such-decoder not on PATH"), notes);
    }

    @Test
    void toolsRunOnTheFirstImagesOnlyWhenLimited() throws Exception {
        assumeTrue(COPY.available(), "cp is not on PATH");
        Comparison comparison = new Comparison(IMAGES, 2, notes::add);
        assertSame(comparison, comparison.forCodec(PerImageCodec.png()).orElseThrow());
        Comparison limited = comparison.forCodec(PerImageCodec.of(COPY)).orElseThrow();
        assertEquals(2, limited.size());
        CodecRun run = limited.run(PerImageCodec.of(COPY), () -> { });
        assertTrue(run.verified());
        assertArrayEquals(new long[] {png(0), png(1)}, run.bytes());
        assertEquals(CodecRun.NOT_CODED, run.bytes(2));
        assertEquals(IMAGES.get(0).image().sampleCount() + IMAGES.get(1).image().sampleCount(), run.samples());
        assertEquals(3, new Comparison(IMAGES, 0, notes::add).forCodec(PerImageCodec.of(COPY)).orElseThrow().size());
        assertEquals(List.of(), notes);
    }

    @Test
    void aCodecCountsAsVerifiedOnlyIfEveryImageComesBack() throws Exception {
        Image other = TestImages.image(4, 4, SampleFormat.GRAY, "full", 0);
        PerImageCodec liar = new PerImageCodec("liar", "", List.of(),
                image -> ImageFormat.PNG.write(image.name().equals("zero") ? other : image.image()), PerImageCodec.png().decoder(),
                PerImageCodec.ModelNamer.NONE);
        List<Integer> ticks = new ArrayList<>();
        CodecRun run = new Comparison(IMAGES, 0, notes::add).run(liar, () -> ticks.add(1));
        assertFalse(run.verified());
        assertEquals(2 * IMAGES.size(), ticks.size());
        assertTrue(new Comparison(IMAGES, 0, notes::add).run(PerImageCodec.png(), () -> { }).verified());
    }

    @Test
    void onlyAPngFileOnDiskHasAFileRow() throws Exception {
        CodecRun run = new Comparison(IMAGES, 0, notes::add).run(PerImageCodec.pngFile(), () -> { });
        assertArrayEquals(new long[] {CodecRun.NOT_CODED, CodecRun.NOT_CODED, CodecRun.NOT_CODED}, run.bytes());
        assertEquals(0, run.samples());
        assertTrue(run.verified());
    }

    @Test
    void optipngsPalettesAndLowBitDepthsCompareByValue() throws Exception {
        PerImageCodec optipng = PerImageCodec.of(ExternalTool.optipng());
        assumeTrue(optipng.available(), "optipng is not on PATH");
        int[] rgb = new int[40 * 30 * 3];
        int[] gray = new int[40 * 30];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < gray.length; i++) { // random pixels, so that the reductions pay
            boolean first = random.nextBoolean();
            for (int c = 0; c < 3; c++) {
                rgb[3 * i + c] = first ? 200 - 60 * c : 17 * c; // two colours: a palette
            }
            gray[i] = random.nextBoolean() ? 255 : 0; // black and white: one bit
        }
        List<BenchImage> images = List.of(new BenchImage("palette", Image.ofValues(40, 30, SampleFormat.RGB, rgb), null),
                new BenchImage("one bit", Image.ofValues(40, 30, SampleFormat.GRAY, gray), null));
        byte[] palette = ExternalTool.optipng().compress(ImageFormat.PNG.write(images.get(0).image()));
        byte[] oneBit = ExternalTool.optipng().compress(ImageFormat.PNG.write(images.get(1).image()));
        assertEquals(3, palette[IHDR_COLOUR_TYPE], "colour type");
        assertEquals(1, oneBit[IHDR_BIT_DEPTH], "bit depth"); // of a gray image or (optipng 0.7.7) a palette
        assertTrue(new Comparison(images, 0, notes::add).run(optipng, () -> { }).verified());
    }

    private static long png(int i) throws IOException {
        return ImageFormat.PNG.write(IMAGES.get(i).image()).length;
    }
}
