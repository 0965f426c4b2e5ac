package org.glowzip.codec.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.SampleFormat;
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

    /** Images of every sample format, with and without metadata: the sizes and contents of {@link #images}, 0 and the largest value. */
    public static Arbitrary<Image> anyFormat() {
        Arbitrary<Integer> sides = Arbitraries.oneOf(Arbitraries.integers().between(1, 12), Arbitraries.of(1, 7, 8, 9, 17));
        Arbitrary<SampleFormat> formats = Arbitraries.of(formats());
        Arbitrary<byte[]> metadata = Arbitraries.oneOf(Arbitraries.just(new byte[0]), Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40));
        return Combinators.combine(sides, sides, formats, Arbitraries.of("noise", "zero", "full", "gradient"), Arbitraries.longs(), metadata)
                .as((width, height, format, content, seed, meta) -> image(width, height, format, content, seed).withMetadata(meta));
    }

    /** The eight sample formats: 1 to 4 channels of 8 and of 16 bits. */
    public static List<SampleFormat> formats() {
        List<SampleFormat> formats = new ArrayList<>();
        for (int bits : new int[] {8, 16}) {
            for (int channels = 1; channels <= 4; channels++) {
                formats.add(new SampleFormat(channels, bits));
            }
        }
        return formats;
    }

    /** An image of {@code format} whose values are noise, 0 ("zero"), the largest value ("full") or a gradient over it. */
    public static Image image(int width, int height, SampleFormat format, String content, long seed) {
        int[] values = new int[width * height * format.channels()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (content) {
                case "noise" -> random.nextInt(format.maxValue() + 1);
                case "full" -> format.maxValue();
                case "gradient" -> (int) ((long) i * format.maxValue() / Math.max(1, values.length - 1));
                default -> 0;
            };
        }
        return Image.ofValues(width, height, format, values);
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

    /** A smooth surface with a little noise, its channels alike but for their levels: what a photograph looks like up close. */
    public static Image photoLike(int width, int height, int channels, long seed) {
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
