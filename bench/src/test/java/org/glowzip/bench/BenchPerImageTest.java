package org.glowzip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.glowzip.bench.compare.ExternalTool;
import org.glowzip.codec.ModelSet;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.image.SampleFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glowzip bench} on a folder of small photo-like images of several sizes, gray and RGB: a
 * row per image, means over images per sample format, and the external tools that this machine
 * has (each missing one skipped with a note).
 */
class BenchPerImageTest {
    /** The tools of the per-image rows, by name, and whether this machine has them. */
    private static final Map<String, Boolean> TOOLS = new LinkedHashMap<>();

    @TempDir
    static Path dir;

    @TempDir
    static Path charts;

    /** The output of {@code --per-image --format json} on {@link #dir}. */
    private static JsonObject perImage;

    static {
        for (ExternalTool tool : List.of(ExternalTool.optipng(), ExternalTool.cwebp(), ExternalTool.cjxl(7), ExternalTool.cjxl(9))) {
            TOOLS.put(tool.name(), tool.available());
        }
    }

    @BeforeAll
    static void photos() throws IOException {
        Files.write(dir.resolve("a-colour.png"), ImageFormat.PNG.write(photo(48, 30, SampleFormat.RGB, 3, 3)));
        Files.write(dir.resolve("b-smooth.png"), ImageFormat.PNG.write(photo(64, 40, SampleFormat.GRAY, 1, 1)));
        Files.write(dir.resolve("c-grainy.pgm"), ImageFormat.PNM.write(photo(23, 19, SampleFormat.GRAY, 40, 2)));
        Files.write(dir.resolve("d-colour.png"), ImageFormat.PNG.write(photo(19, 17, SampleFormat.RGB, 40, 4)));
        Files.write(dir.resolve(".hidden.png"), ImageFormat.PNG.write(photo(8, 8, SampleFormat.GRAY, 1, 5)));
        perImage = json("--per-image", "--plot", charts.resolve("means.png").toString());
    }

    /** Smooth shading, an edge and Gaussian grain of {@code noise} levels, as a downsampled photograph looks. */
    private static Image photo(int width, int height, SampleFormat format, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] values = new int[width * height * format.channels()];
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < format.channels(); c++) {
                    double shade = 110 + 70 * Math.sin(x / 9.0 + c) * Math.cos(y / 7.0) + (x > width / 2 ? 40 : 0) + 12 * c;
                    double grain = noise * (random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5);
                    values[i++] = (int) Math.max(0, Math.min(255, Math.round(shade + grain)));
                }
            }
        }
        return Image.ofValues(width, height, format, values);
    }

    private static JsonObject json(String... options) {
        List<String> args = new ArrayList<>(List.of("bench", "-q", "--data", dir.toString(), "--format", "json"));
        args.addAll(List.of(options));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run::toString);
        for (Map.Entry<String, Boolean> tool : TOOLS.entrySet()) {
            assertEquals(!tool.getValue(), run.err().contains("note: " + tool.getKey() + " skipped: "), run::toString);
        }
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    private static List<JsonObject> objects(JsonObject json, String member) {
        List<JsonObject> objects = new ArrayList<>();
        json.getAsJsonArray(member).forEach(element -> objects.add(element.getAsJsonObject()));
        return objects;
    }

    private static String group(JsonObject image) {
        return image.get("channels").getAsInt() == 1 ? "gray" : "RGB";
    }

    @Test
    void aRowPerImageWithTheBitsPerSampleOfEachCodec() {
        JsonObject json = perImage;
        List<JsonObject> images = objects(json, "images");
        assertEquals(List.of("a-colour.png", "b-smooth.png", "c-grainy.pgm", "d-colour.png"),
                images.stream().map(image -> image.get("image").getAsString()).toList());
        assertEquals(List.of("48x30x3", "64x40x1", "23x19x1", "19x17x3"), images.stream()
                .map(image -> image.get("width") + "x" + image.get("height") + "x" + image.get("channels")).toList());
        List<String> codecs = new ArrayList<>(List.of("png", "png-file"));
        TOOLS.forEach((tool, available) -> {
            if (available) {
                codecs.add(tool);
            }
        });
        codecs.add("glowzip-single");
        assertEquals(codecs, objects(json, "codecs").stream().map(codec -> codec.get("codec").getAsString()).toList());
        for (JsonObject image : images) {
            int samples = image.get("width").getAsInt() * image.get("height").getAsInt() * image.get("channels").getAsInt();
            assertEquals(samples, image.get("samples").getAsInt());
            JsonObject bytes = image.getAsJsonObject("bytes");
            JsonObject bits = image.getAsJsonObject("bits_per_sample");
            assertEquals(codecs, List.copyOf(bytes.keySet()));
            for (String codec : codecs) {
                boolean pgm = image.get("image").getAsString().endsWith(".pgm");
                assertEquals(codec.equals("png-file") && pgm, bytes.get(codec).isJsonNull(), image + " " + codec);
                if (!bytes.get(codec).isJsonNull()) {
                    assertEquals(8.0 * bytes.get(codec).getAsLong() / samples, bits.get(codec).getAsDouble(), 5e-5, image + " " + codec);
                }
            }
            JsonElement smaller = image.get("smaller_than_reference");
            if (TOOLS.get("optipng")) {
                assertEquals(bytes.get("glowzip-single").getAsLong() < bytes.get("optipng").getAsLong(), smaller.getAsBoolean());
            } else {
                assertTrue(smaller.isJsonNull());
            }
        }
        for (JsonObject codec : objects(json, "codecs")) {
            assertEquals("yes", codec.get("verified").getAsString(), codec::toString);
        }
        assertEquals("glowzip-single", json.get("subject").getAsString());
        assertEquals("optipng", json.get("reference").getAsString());
    }

    @Test
    void eachRowNamesTheBundledModelThatCodedTheImage() throws IOException {
        ModelSet bundled = ModelSet.bundled();
        for (JsonObject row : objects(perImage, "images")) {
            Image image = ImageFormat.read(Files.readAllBytes(dir.resolve(row.get("image").getAsString())));
            String chosen = bundled.names().get(bundled.codecs().indexOf(bundled.choose(image)));
            JsonObject models = row.getAsJsonObject("models");
            assertEquals(List.of("glowzip-single"), List.copyOf(models.keySet()));
            assertTrue(models.get("glowzip-single").getAsString().matches(chosen + " glow \\d+/\\d+"), row::toString);
        }
    }

    @Test
    void tableAndTsvHaveTheModelColumnAfterGlowzips() {
        List<String> names = objects(perImage, "images").stream().limit(2)
                .map(row -> row.getAsJsonObject("models").get("glowzip-single").getAsString()).toList();
        Cli.Run tsv = Cli.run("bench", "-q", "--data", dir.toString(), "--per-image", "--limit", "2", "--tool-limit", "1", "--format", "tsv");
        assertEquals(0, tsv.exit(), tsv::toString);
        List<String> lines = tsv.out().lines().toList();
        List<String> header = List.of(lines.get(0).split("\t"));
        int model = header.indexOf("model");
        assertEquals("glowzip-single", header.get(model - 1), lines.get(0));
        for (int i = 0; i < 2; i++) {
            assertEquals(names.get(i), lines.get(1 + i).split("\t")[model], lines.get(1 + i));
        }
        Cli.Run table = Cli.run("bench", "-q", "--data", dir.toString(), "--per-image", "--limit", "2", "--tool-limit", "1");
        assertEquals(0, table.exit(), table::toString);
        List<String> rows = table.out().lines().toList();
        assertTrue(rows.get(0).matches(".* glowzip-single model +glowzip-single < .*"), rows.get(0));
        for (int i = 0; i < 2; i++) {
            assertTrue(rows.get(1 + i).matches(".* \\d\\.\\d{4} " + names.get(i) + " +(yes|NO|-)"), rows.get(1 + i));
        }
        assertTrue(table.out().contains("\nbits per sample, mean over images\n"), table::toString);
    }

    @Test
    void meansAreOverImagesGrayAndRgbApart() {
        JsonObject json = perImage;
        List<JsonObject> images = objects(json, "images");
        for (JsonObject codec : objects(json, "codecs")) {
            String name = codec.get("codec").getAsString();
            JsonObject means = codec.getAsJsonObject("means");
            assertEquals(List.of("gray", "RGB"), List.copyOf(means.keySet()));
            for (String group : means.keySet()) {
                List<JsonObject> coded = images.stream()
                        .filter(image -> group(image).equals(group) && !image.getAsJsonObject("bytes").get(name).isJsonNull()).toList();
                double mean = coded.stream().mapToDouble(image -> 8.0 * image.getAsJsonObject("bytes").get(name).getAsLong()
                        / image.get("samples").getAsInt()).average().orElseThrow();
                assertEquals(coded.size(), means.getAsJsonObject(group).get("images").getAsInt(), name + " " + group);
                assertEquals(mean, means.getAsJsonObject(group).get("bits_per_sample").getAsDouble(), 5e-5, name + " " + group);
                if (name.equals("png")) { // the images differ in size and rate: a pooled ratio would not be the mean
                    double pooled = 8.0 * coded.stream().mapToLong(image -> image.getAsJsonObject("bytes").get(name).getAsLong()).sum()
                            / coded.stream().mapToLong(image -> image.get("samples").getAsInt()).sum();
                    assertTrue(Math.abs(pooled - mean) > 0.01, name + " " + group + ": pooled " + pooled + ", mean " + mean);
                }
            }
        }
    }

    @Test
    void theChartHasABarPerGroupAndGlowzipInOrange() throws IOException {
        BufferedImage chart = ImageIO.read(charts.resolve("means.png").toFile());
        assertEquals(860, chart.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < chart.getHeight(); y++) {
            for (int x = 0; x < chart.getWidth(); x++) {
                colours.add(chart.getRGB(x, y) & 0xFFFFFF);
            }
        }
        for (int colour : new int[] {0x4C72B0, 0x829CC8, 0xD95F0E, 0xE48F56}) { // blue and orange, gray and RGB
            assertTrue(colours.contains(colour), Integer.toHexString(colour));
        }
    }

    @Test
    void imagesOfSeveralSizesAreMeasuredPerImageByDefault() {
        JsonObject json = json("--limit", "3");
        assertEquals(3, objects(json, "images").size());
        List<String> groups = List.copyOf(objects(json, "codecs").get(0).getAsJsonObject("means").keySet());
        assertEquals(List.of("gray", "RGB"), groups);
    }

    @Test
    void theToolLimitKeepsToolsToTheFirstImages() {
        List<JsonObject> images = objects(json("--per-image", "--tool-limit", "1"), "images");
        for (int i = 0; i < images.size(); i++) {
            JsonObject bytes = images.get(i).getAsJsonObject("bytes");
            for (Map.Entry<String, Boolean> tool : TOOLS.entrySet()) {
                if (tool.getValue()) {
                    assertEquals(i > 0, bytes.get(tool.getKey()).isJsonNull(), tool.getKey() + " on image " + i);
                }
            }
            assertFalse(bytes.get("glowzip-single").isJsonNull());
        }
    }

    @Test
    void imagesOfOneSizeKeepTheRowPerCodec(@TempDir Path same) throws IOException {
        for (int i = 0; i < 3; i++) {
            Files.write(same.resolve("p" + i + ".png"), ImageFormat.PNG.write(photo(20, 16, SampleFormat.GRAY, 5, i)));
        }
        Cli.Run run = Cli.run("bench", "-q", "--data", same.toString(), "--format", "tsv");
        assertEquals(0, run.exit(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals("codec\tsetting\timages\tbytes\tbpd\tenc_img_s\tdec_img_s\tverified", lines.get(0));
        List<String> rows = lines.stream().skip(1).map(line -> line.substring(0, line.indexOf('\t'))).toList();
        List<String> expected = new ArrayList<>(List.of("glowzip-stream", "glowzip-single", "png", "gzip", "bzip2", "xz", "zstd", "deflate"));
        if (TOOLS.get("cwebp")) {
            expected.add("cwebp");
        }
        if (TOOLS.get("cjxl-e9")) {
            expected.add("cjxl-e9");
        }
        assertEquals(expected, rows);
        assertTrue(run.err().contains("note: glow-nll skipped: the images do not all have the model's shape"), run::toString);
    }
}
