package org.glowzip.codec.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Images of every sample format for properties (sizes from 1x1 up, odd ones included; noise, 0,
 * the maximum, a constant), random BufferedImages, and both as arrays of values.
 */
final class SampleImages {
    private SampleImages() {
    }

    static Arbitrary<SampleFormat> formats() {
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.of(8, 16)).as(SampleFormat::new);
    }

    static Arbitrary<Image> images() {
        Arbitrary<Integer> sides = Arbitraries.oneOf(Arbitraries.integers().between(1, 24), Arbitraries.of(1, 7, 8, 9, 33));
        return Combinators.combine(formats(), sides, sides, Arbitraries.of("noise", "zero", "max", "constant"), Arbitraries.longs())
                .as(SampleImages::image);
    }

    static Image image(SampleFormat format, int width, int height, String content, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int constant = random.nextInt(format.maxValue() + 1);
        int[] values = new int[width * height * format.channels()];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (content) {
                case "noise" -> random.nextInt(format.maxValue() + 1);
                case "max" -> format.maxValue();
                case "constant" -> constant;
                default -> 0;
            };
        }
        return Image.ofValues(width, height, format, values);
    }

    /** A BufferedImage of {@code type} with random samples in every band. */
    static BufferedImage randomImage(int type, int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, type);
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < image.getRaster().getNumBands(); b++) {
            int max = (1 << image.getRaster().getSampleModel().getSampleSize(b)) - 1;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    image.getRaster().setSample(x, y, b, random.nextInt(max + 1));
                }
            }
        }
        return image;
    }

    /** The image's values, {@code [(y * width + x) * channels + c]}. */
    static int[] values(Image image) {
        int[] values = new int[image.width() * image.height() * image.channels()];
        int i = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                for (int c = 0; c < image.channels(); c++) {
                    values[i++] = image.value(y, x, c);
                }
            }
        }
        return values;
    }

    /** A BufferedImage's raster samples in the same order. */
    static int[] rasterValues(BufferedImage image) {
        Raster raster = image.getRaster();
        return raster.getPixels(0, 0, raster.getWidth(), raster.getHeight(), (int[]) null);
    }
}
