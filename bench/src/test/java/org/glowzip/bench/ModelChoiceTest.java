package org.glowzip.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.ModelSet;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without -m, compress picks per image the bundled model that codes it shortest, and decompress finds it by fingerprint. */
class ModelChoiceTest {
    @Test
    void aPhotoLikeImageTakesAPhotoModelAndAFashionImageTheFashionModel(@TempDir Path directory) throws Exception {
        ModelSet bundled = ModelSet.bundled();
        assertEquals(3, bundled.codecs().size());
        Image gray = photoLike(120, 90, 1, 1);
        Image rgb = photoLike(100, 70, 3, 2);
        Image fashion = DataOption.images(null).get(0);
        check(directory, "gray", gray, bundled.codecs().get(1));
        check(directory, "rgb", rgb, bundled.codecs().get(2));
        check(directory, "fashion", fashion, bundled.codecs().get(0));
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

    /** A smooth surface with a little noise, its channels alike but for their levels, noise included: what a photograph looks like up close. */
    private static Image photoLike(int width, int height, int channels, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] samples = new byte[width * height * channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = random.nextInt(5) - 2;
                for (int c = 0; c < channels; c++) {
                    double smooth = 110 + 15 * c + 60 * Math.sin(x / 17.0) * Math.cos(y / 23.0) + 20 * Math.sin((x + y) / 9.0);
                    samples[(y * width + x) * channels + c] = (byte) Math.max(0, Math.min(255, (int) Math.round(smooth) + noise));
                }
            }
        }
        return Image.of(width, height, channels, samples);
    }
}
