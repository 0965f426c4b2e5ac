package org.glowzip.codec.context;

import java.util.List;
import java.util.Map;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.NamedTensor;

/**
 * An autoregressive pixel model: the distribution of each 8-bit sample given the samples coded
 * before it, from a small network over its causal neighbourhood. It codes an image with pushes
 * alone, so it needs no bits to borrow: the pop-free way of coding a tile, used where bits-back
 * has nothing to borrow and wherever it codes a tile shorter than bits-back does.
 *
 * <h2>Order and features</h2>
 * Samples of a {@code C x H x W} image are taken pixel by pixel in raster order and, within a
 * pixel, channel by channel. The F = 2R(R+1) + (C - 1) + 2 features of sample {@code (c, y, x)},
 * each sample value {@code v} as {@code v / 255 - 1/2} and 0 outside the image:
 * <ol>
 *   <li>channel c at rows {@code y-R..y-1}, columns {@code x-R..x+R}, row-major; then at row y,
 *       columns {@code x-R..x-1};
 *   <li>for {@code k = 0..C-2}: channel k at {@code (y, x)} if {@code k < c}, else 0;
 *   <li>{@code y / (H-1) - 1/2} and {@code x / (W-1) - 1/2} (0 where the side is 1).
 * </ol>
 *
 * <h2>Network and tensors</h2>
 * {@code logits = output(relu(hidden2(relu(hidden1(features)))))}, dense layers named
 * {@code context.hidden1} [N, F], {@code context.hidden2} [N, N] and {@code context.output}
 * [256, N], each a {@code .weight} [out, in] and a {@code .bias} [out]; R follows from F and C.
 * Each dense output is {@code (sum over i in ascending order of weight[o][i] * in[i]) + bias[o]}
 * in float arithmetic, which Java defines exactly, so every JVM gets the same bits (terms whose
 * input is zero add nothing and are skipped; only the sign of a zero could differ, and no slot
 * depends on it).
 *
 * <h2>Slots</h2>
 * The logits become {@code 2^}{@value #PRECISION} rANS slots: with {@code e_s =
 * StrictMath.exp(logit_s - max)}, symbol s gets {@code 1 + floor(e_s / sum(e) * (2^P - 256))}
 * slots and the most likely symbol also the few left over, so every value is codable.
 */
public final class ContextModel {
    /** Probability precision of the slots, in bits. */
    public static final int PRECISION = 20;
    /** Values of a sample. */
    public static final int SYMBOLS = 256;
    /** Largest neighbourhood radius a model file may imply. */
    public static final int MAX_RADIUS = 16;

    /** Prefix of the context model's tensor names. */
    public static final String PREFIX = "context.";
    /** The dense layers in evaluation order; layer l's tensors are {@code PREFIX + l + ".weight"} and {@code ".bias"}. */
    public static final List<String> LAYERS = List.of("hidden1", "hidden2", "output");

    private final int channels;
    private final int height;
    private final int width;
    private final int radius;
    private final Dense hidden1;
    private final Dense hidden2;
    private final Dense output;

    private ContextModel(GlowConfig config, int radius, Dense hidden1, Dense hidden2, Dense output) {
        this.channels = config.channels();
        this.height = config.height();
        this.width = config.width();
        this.radius = radius;
        this.hidden1 = hidden1;
        this.hidden2 = hidden2;
        this.output = output;
    }

    /** Whether {@code model} carries a context model (any tensor named {@code context.*}). */
    public static boolean present(ModelFile model) {
        return model.tensors().keySet().stream().anyMatch(name -> name.startsWith(PREFIX));
    }

    /**
     * The context model of {@code model}.
     *
     * @throws IllegalArgumentException if a tensor is missing or the shapes do not fit together
     */
    public static ContextModel of(ModelFile model) {
        Map<String, NamedTensor> tensors = model.tensors();
        Dense[] layers = new Dense[LAYERS.size()];
        for (int i = 0; i < LAYERS.size(); i++) {
            String name = PREFIX + LAYERS.get(i);
            layers[i] = Dense.of(model.tensor(name + ".weight"), model.tensor(name + ".bias"));
        }
        GlowConfig config = model.config();
        int radius = radius(layers[0].inputs(), config.channels());
        if (layers[1].inputs() != layers[0].outputs() || layers[2].inputs() != layers[1].outputs() || layers[2].outputs() != SYMBOLS) {
            throw new IllegalArgumentException("context layers do not chain: " + layers[0] + ", " + layers[1] + ", " + layers[2]);
        }
        long expected = tensors.keySet().stream().filter(name -> name.startsWith(PREFIX)).count();
        if (expected != 2L * LAYERS.size()) {
            throw new IllegalArgumentException("model has " + expected + " context tensors, expected " + 2 * LAYERS.size());
        }
        return new ContextModel(config, radius, layers[0], layers[1], layers[2]);
    }

    /** The number of features F for a neighbourhood of {@code radius} over {@code channels} channels. */
    public static int featureCount(int radius, int channels) {
        return 2 * radius * (radius + 1) + channels - 1 + 2;
    }

    private static int radius(int features, int channels) {
        for (int r = 0; r <= MAX_RADIUS; r++) {
            if (featureCount(r, channels) == features) {
                return r;
            }
        }
        throw new IllegalArgumentException(features + " context features fit no radius <= " + MAX_RADIUS + " for " + channels + " channels");
    }

    public int radius() {
        return radius;
    }

    public int featureCount() {
        return featureCount(radius, channels);
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /**
     * Writes the features of sample {@code (c, y, x)} into {@code out} ({@link #featureCount()} long).
     *
     * @param samples planar {@code C x H x W} samples; only those before {@code (c, y, x)} in
     *                coding order are read
     */
    public void features(byte[] samples, int c, int y, int x, float[] out) {
        features(samples, channels, height, width, radius, c, y, x, out);
    }

    /**
     * Writes the features of sample {@code (c, y, x)} of a {@code channels x height x width} image
     * under a neighbourhood of {@code radius} into {@code out} ({@link #featureCount(int, int)}
     * long): what {@link #features(byte[], int, int, int, float[])} computes for a model of that
     * shape and radius, without one (a trainer's use).
     *
     * @param samples planar {@code C x H x W} samples; only those before {@code (c, y, x)} in
     *                coding order are read
     */
    public static void features(byte[] samples, int channels, int height, int width, int radius, int c, int y, int x,
            float[] out) {
        int n = 0;
        int plane = c * height * width;
        for (int dy = -radius; dy <= 0; dy++) {
            int row = y + dy;
            int last = dy < 0 ? radius : -1;
            for (int dx = -radius; dx <= last; dx++) {
                int column = x + dx;
                boolean inside = row >= 0 && column >= 0 && column < width;
                out[n++] = inside ? value(samples[plane + row * width + column]) : 0f;
            }
        }
        for (int k = 0; k < channels - 1; k++) {
            out[n++] = k < c ? value(samples[k * height * width + y * width + x]) : 0f;
        }
        out[n++] = position(y, height);
        out[n] = position(x, width);
    }

    private static float value(byte sample) {
        return (sample & 0xFF) / 255f - 0.5f;
    }

    private static float position(int index, int side) {
        return side == 1 ? 0f : (float) index / (side - 1) - 0.5f;
    }

    /**
     * The slot boundaries of sample {@code (c, y, x)} given the samples before it (see
     * {@link #cumulative}); the array belongs to {@code scratch} and is overwritten by its next use.
     */
    public int[] slots(byte[] samples, int c, int y, int x, Scratch scratch) {
        features(samples, c, y, x, scratch.features);
        return cumulative(logits(scratch.features, scratch), scratch.weights, scratch.cumulative);
    }

    /** The {@value #SYMBOLS} logits for the given features, in an array of {@code scratch}. */
    public float[] logits(float[] features, Scratch scratch) {
        hidden1.apply(features, scratch.first, true);
        hidden2.apply(scratch.first, scratch.second, true);
        output.apply(scratch.second, scratch.logits, false);
        return scratch.logits;
    }

    /**
     * The slot boundaries of the distribution given by {@code logits}: symbol s holds
     * {@code [cumulative[s], cumulative[s + 1])} of {@code 2^PRECISION}.
     */
    public static int[] cumulative(float[] logits) {
        return cumulative(logits, new double[SYMBOLS], new int[SYMBOLS + 1]);
    }

    private static int[] cumulative(float[] logits, double[] weights, int[] cumulative) {
        float max = logits[0];
        int likeliest = 0;
        for (int s = 1; s < SYMBOLS; s++) {
            if (logits[s] > max) {
                max = logits[s];
                likeliest = s;
            }
        }
        double sum = 0;
        for (int s = 0; s < SYMBOLS; s++) {
            weights[s] = StrictMath.exp((double) logits[s] - max);
            sum += weights[s];
        }
        int spare = (1 << PRECISION) - SYMBOLS;
        int used = 0;
        for (int s = 0; s < SYMBOLS; s++) { // slot counts first, at s + 1
            cumulative[s + 1] = 1 + (int) (weights[s] / sum * spare);
            used += cumulative[s + 1];
        }
        cumulative[likeliest + 1] += (1 << PRECISION) - used;
        cumulative[0] = 0;
        for (int s = 0; s < SYMBOLS; s++) {
            cumulative[s + 1] += cumulative[s];
        }
        return cumulative;
    }

    /** Working memory for {@link #slots} and {@link #logits}: one per thread. */
    public Scratch scratch() {
        return new Scratch(featureCount(), hidden1.outputs(), hidden2.outputs());
    }

    /** The features, activations, logits and slots of one evaluation. */
    public static final class Scratch {
        private final float[] features;
        private final float[] first;
        private final float[] second;
        private final float[] logits = new float[SYMBOLS];
        private final double[] weights = new double[SYMBOLS];
        private final int[] cumulative = new int[SYMBOLS + 1];

        private Scratch(int features, int first, int second) {
            this.features = new float[features];
            this.first = new float[first];
            this.second = new float[second];
        }
    }
}
