package org.glowzip.server;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFile;

/** Small random-weight models and images for server tests (random weights: blocks are mostly stored raw). */
public final class TestModels {
    /** A 28 x 28 gray model, small enough for fast tests. */
    public static final ModelFile GRAY = RandomModels.of(new GlowConfig(2, 1, 8, CouplingType.AFFINE, 1, 28, 28), 11);
    /** Another model of the same shape: streams of one do not decode with the other. */
    public static final ModelFile OTHER = RandomModels.of(new GlowConfig(2, 1, 8, CouplingType.AFFINE, 1, 28, 28), 12);
    /** Samples per block in tests: 8 images of 28 x 28, so that streams have many blocks. */
    public static final long BLOCK_SAMPLES = 8 * 28 * 28;
    public static final ImageCodec CODEC = new ImageCodec(GRAY, CodingParameters.DEFAULT, BLOCK_SAMPLES);

    private TestModels() {
    }

    public static ServedModel served() {
        return new ServedModel("gray", CODEC, 3.25);
    }

    /** Images with some structure (so some blocks code), gray 28 x 28 unless {@code odd}. */
    public static List<Image> images(int count, long seed, boolean odd) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int width = odd ? 1 + random.nextInt(40) : 28;
            int height = odd ? 1 + random.nextInt(40) : 28;
            int channels = odd && random.nextBoolean() ? 3 : 1;
            byte[] samples = new byte[width * height * channels];
            int base = random.nextInt(256);
            for (int s = 0; s < samples.length; s++) {
                samples[s] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : base + s / 7);
            }
            images.add(Image.of(width, height, channels, samples));
        }
        return images;
    }
}
