package org.glowzip.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.glowzip.codec.ImageCodec;
import org.glowzip.model.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The experiments run with no options: the bundled model, the bundled sample and its labels, and
 * the current directory. The runs write into a temporary folder with {@code --out} (a test cannot
 * change its working directory) and keep the work small; the defaults are checked on their own.
 */
class ExperimentCommandsTest {
    private static final int CELL = 28 + 2; // an image and the grid's gap

    @Test
    void withNoOptionsTheExperimentsUseTheBundledModelAndWriteIntoTheCurrentDirectory() throws Exception {
        CommandLine commandLine = Glowzip.commandLine();
        commandLine.parseArgs("sample");
        SampleCommand sample = commandLine.getSubcommands().get("sample").getCommand();
        assertEquals(Path.of("").toAbsolutePath().resolve("samples.png"), sample.png().toAbsolutePath().normalize());
        assertEquals(ImageCodec.bundled().model().fingerprintHex(), sample.modelOption.codec().model().fingerprintHex());
    }

    @Test
    void withNoImagesTheExperimentsUseTheBundledSampleAndItsLabels() throws Exception {
        ImageSet images = new TestImagesOption().read(null);
        assertEquals(1000, images.size());
        assertEquals(28, images.height());
        assertArrayEquals(new int[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, IntStream.range(0, 10).map(images::label).toArray(),
                "the first Fashion-MNIST test labels");
    }

    @Test
    void sampleWritesAGridPerTemperature(@TempDir Path out) throws Exception {
        assertEquals(0, Glowzip.commandLine().execute("sample", "--out", out.toString(), "--grid", "1"));
        BufferedImage png = ImageIO.read(out.resolve("samples.png").toFile());
        assertEquals(2 + 2 * CELL + 8, png.getWidth(), "two temperatures, 8 pixels apart");
        assertEquals(2 + CELL, png.getHeight());
    }

    @Test
    void sampleSaysHowManyPixelsTheExactInverseLeftNonFiniteAndDrawsNone(@TempDir Path out) throws Exception {
        Cli.Run run = Cli.run("sample", "--out", out.toString(), "--grid", "2", "--temperatures", "0.5,1.5");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().lines().anyMatch("temperature 0.5: non-finite pixels before clamping: 0"::equals), run::toString);
        Matcher hot = Pattern.compile("^temperature 1.5: non-finite pixels before clamping: (\\d+)$", Pattern.MULTILINE).matcher(run.out());
        assertTrue(hot.find() && Long.parseLong(hot.group(1)) > 0, "the bundled model's exact inverse overflows at 1.5: " + run);
        BufferedImage png = ImageIO.read(out.resolve("samples.png").toFile());
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                assertNotEquals(0xFF0000, png.getRGB(x, y) & 0xFFFFFF, "no pixel drawn as non-finite");
            }
        }
    }

    @Test
    void interpolateWritesARowPerPair(@TempDir Path out) throws Exception {
        Cli.Run run = Cli.run("interpolate", "--out", out.toString(), "--pairs", "1", "--steps", "3");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().lines().anyMatch("interpolation: non-finite pixels before clamping: 0"::equals), run::toString);
        BufferedImage png = ImageIO.read(out.resolve("interpolation.png").toFile());
        assertEquals(2 + 3 * CELL, png.getWidth());
        assertEquals(2 + CELL, png.getHeight());
    }

    @Test
    void manipulateWritesARowPerImageWithTheBundledLabels(@TempDir Path out) throws Exception {
        Cli.Run run = Cli.run("manipulate", "--out", out.toString(), "--rows", "1", "--direction-images", "40");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().lines().anyMatch("manipulation: non-finite pixels before clamping: 0"::equals), run::toString);
        BufferedImage png = ImageIO.read(out.resolve("manipulation.png").toFile());
        assertEquals(2 + 7 * CELL, png.getWidth(), "seven strengths");
        assertEquals(2 + CELL, png.getHeight());
    }

    @Test
    void manipulateRefusesUnlabelledImages(@TempDir Path out) throws Exception {
        Path images = BundledFiles.path(DataOption.BUNDLED_SAMPLE);
        assertEquals(ExitCodes.RUNTIME_ERROR,
                Glowzip.commandLine().execute("manipulate", "--out", out.toString(), "--images", images.toString()));
    }
}
