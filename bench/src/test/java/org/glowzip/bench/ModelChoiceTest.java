package org.glowzip.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.ModelSet;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.stream.StreamFormat;
import org.glowzip.codec.stream.TestImages;
import org.glowzip.codec.stream.TestStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without -m, compress picks per image the bundled model that codes it shortest, in a stream too
 * (switching models between blocks), and decompress finds each by fingerprint; info counts the
 * images of each model.
 */
class ModelChoiceTest {
    @Test
    void aPhotoLikeImageTakesAPhotoModelAndAFashionImageTheFashionModel(@TempDir Path directory) throws Exception {
        ModelSet bundled = ModelSet.bundled();
        assertEquals(3, bundled.codecs().size());
        Image gray = TestImages.photoLike(120, 90, 1, 1);
        Image rgb = TestImages.photoLike(100, 70, 3, 2);
        Image fashion = DataOption.images(null).get(0);
        check(directory, "gray", gray, bundled.codecs().get(1));
        check(directory, "rgb", rgb, bundled.codecs().get(2));
        check(directory, "fashion", fashion, bundled.codecs().get(0));
    }

    @Test
    void aStreamOfMixedImagesCodesEachWithTheModelItsOwnTrialPicksAndSwitchesBetweenBlocks(@TempDir Path directory) throws Exception {
        ModelSet bundled = ModelSet.bundled();
        List<Image> fashion = DataOption.images(null).subList(0, 2);
        List<Image> images = List.of(fashion.get(0), TestImages.photoLike(120, 90, 1, 1), TestImages.photoLike(100, 70, 3, 2), fashion.get(1));
        Path inputs = Files.createDirectory(directory.resolve("in"));
        for (int i = 0; i < images.size(); i++) {
            Files.write(inputs.resolve(i + ".png"), ImageFormat.PNG.write(images.get(i)));
        }
        Path coded = directory.resolve("mixed.glz");
        assertEquals(0, Cli.run("compress", "-q", inputs.toString(), "-o", coded.toString()).exit());
        byte[] stream = Files.readAllBytes(coded);
        List<String> expected = images.stream().map(image -> bundled.choose(image).model().fingerprintHex()).toList();
        assertEquals(List.of(0, 1, 2, 0), expected.stream().map(fingerprint -> bundled.codecs().stream()
                .map(codec -> codec.model().fingerprintHex()).toList().indexOf(fingerprint)).toList(), "each image's own trial");
        assertEquals(expected, TestStreams.modelOfEachImage(stream), "the model each image was coded with");

        Path out = directory.resolve("out");
        assertEquals(0, Cli.run("decompress", "-q", coded.toString(), "-o", out.toString()).exit());
        for (int i = 0; i < images.size(); i++) {
            assertEquals(images.get(i), ImageFormat.read(Files.readAllBytes(out.resolve(String.format("%06d.png", i)))), "image " + i);
        }

        String counts = "\"models\":{\"fashion-mnist\":2,\"photo-gray\":1,\"photo-rgb\":1}";
        Cli.Run json = Cli.run("info", "--format", "json", coded.toString());
        assertTrue(json.out().contains(counts) && json.out().contains("\"modelBlocks\":3,") && json.out().contains("\"version\":" + StreamFormat.VERSION + ","), json::toString);
        Cli.Run modes = Cli.run("info", "--modes", "--format", "json", coded.toString());
        assertTrue(modes.out().contains(counts) && modes.out().contains("\"modes\":{"), modes::toString);
        Cli.Run table = Cli.run("info", coded.toString());
        assertTrue(table.out().contains("images by model\n  fashion-mnist  2\n  photo-gray     1\n  photo-rgb      1\n")
                && table.out().contains("model blocks     3\n"), table::toString);

        Path model = directory.resolve("fashion.glowmodel");
        try (InputStream resource = ImageCodec.class.getResourceAsStream(ImageCodec.BUNDLED_MODEL)) {
            Files.write(model, resource.readAllBytes());
        }
        Path forced = directory.resolve("forced.glz");
        assertEquals(0, Cli.run("compress", "-q", "-m", model.toString(), inputs.toString(), "-o", forced.toString()).exit());
        assertEquals(Collections.nCopies(4, expected.get(0)), TestStreams.modelOfEachImage(Files.readAllBytes(forced)), "-m codes every image with its model");
        Cli.Run named = Cli.run("info", "-m", model.toString(), "--format", "json", forced.toString());
        assertTrue(named.out().contains("\"modelBlocks\":0,") && named.out().contains("\"models\":{\"fashion.glowmodel\":4}"), named::toString);
    }


    private static void check(Path directory, String name, Image image, ImageCodec expected) throws Exception {
        Path in = directory.resolve(name + ".png");
        Path coded = directory.resolve(name + ".glz");
        Path out = directory.resolve(name + "-out.png");
        Files.write(in, ImageFormat.PNG.write(image));
        assertEquals(0, Cli.run("compress", "-q", in.toString(), "-o", coded.toString()).exit());
        byte[] bytes = Files.readAllBytes(coded);
        assertArrayEquals(Arrays.copyOf(expected.model().fingerprint(), 4), Arrays.copyOfRange(bytes, 4, 8), name + " names its model");
        assertEquals(0, Cli.run("decompress", "-q", coded.toString(), "-o", out.toString()).exit());
        assertEquals(image, ImageFormat.read(Files.readAllBytes(out)));
    }
}
