package org.glowzip.codec.image;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Images of every sample format for properties: sizes from 1x1 up, odd ones included; noise, 0, the maximum, a constant. */
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
}
