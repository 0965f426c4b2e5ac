package org.glowzip.codec.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.input.ImageInputs;
import org.glowzip.codec.input.ImageSource;
import org.glowzip.codec.input.InputLimits;

/**
 * Images for codec tests: odd sizes, 1x1, gray and RGB; noise, constant 0 and 255, gradients;
 * and real ones, the first Fashion-MNIST test images, which the bundled model codes well.
 */
public final class TestImages {
    private TestImages() {
    }

    public static Arbitrary<Image> images() {
        Arbitrary<Integer> sides = Arbitraries.oneOf(Arbitraries.integers().between(1, 20), Arbitraries.of(1, 7, 8, 9, 16, 17));
        return Combinators.combine(sides, sides, Arbitraries.of(1, 3), Arbitraries.of("noise", "zero", "full", "gradient"), Arbitraries.longs())
                .as(TestImages::image);
    }

    public static Image image(int width, int height, int channels, String content, long seed) {
        byte[] samples = new byte[width * height * channels];
        switch (content) {
            case "noise" -> new SplittableRandom(seed).nextBytes(samples);
            case "full" -> Arrays.fill(samples, (byte) 255);
            case "gradient" -> {
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = (byte) (i * 255 / Math.max(1, samples.length - 1));
                }
            }
            default -> { }
        }
        return Image.of(width, height, channels, samples);
    }

    /** The first {@code count} (at most 64) Fashion-MNIST test images, 28 x 28 gray, from the test resources. */
    public static List<Image> fashionMnist(int count) {
        String name = "/fashion-mnist-t10k-64-images-idx3-ubyte.gz";
        try (ImageSource source = new ImageInputs(InputLimits.DEFAULTS).open(TestImages.class.getResourceAsStream(name), name)) {
            return source.readAll().subList(0, count);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a resource of this build
        }
    }
}
