package org.glowzip.codec.context;

import java.util.List;
import java.util.Map;
import org.glowzip.codec.image.Canvas;
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
 * Samples of a tile are taken pixel by pixel in raster order and, within a pixel, channel by
 * channel; what the network sees of the samples before, and what its symbols mean, are its
 * {@link ContextFeatures}: {@link NeighbourhoodFeatures} (values as they are) or, where the model
 * file has the tensor {@value ResidualFeatures#TENSOR}, {@link ResidualFeatures} (residuals from
 * a predictor).
 *
 * <h2>Network and tensors</h2>
 * {@code logits = output(relu(hidden2(relu(hidden1(features)))))}, dense layers named
 * {@code context.hidden1} [N, F], {@code context.hidden2} [M, N] and {@code context.output}
 * [256, M], each a {@code .weight} [out, in] and a {@code .bias} [out]; the radius of
 * neighbourhood features follows from F and C.
 * Each dense output is {@code (sum over i in ascending order of weight[o][i] * in[i]) + bias[o]}
 * in float arithmetic, which Java defines exactly, so every JVM gets the same bits (terms whose
 * input is zero add nothing and are skipped; only the sign of a zero could differ, and no slot
 * depends on it).
 *
 * <h2>Slots</h2>
 * The logits become {@code 2^}{@value #PRECISION} rANS slots by a {@link SlotRule} that the
 * format names: {@link #cumulative} (with {@code e_s = StrictMath.exp(logit_s - max)}, symbol s
 * gets {@code 1 + floor(e_s / sum(e) * (2^P - 256))} slots and the most likely symbol also the
 * few left over) or {@link TableSoftmax}; under either every value is codable.
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
    private final ContextFeatures features;
    private final Dense hidden1;
    private final Dense hidden2;
    private final Dense output;

    private ContextModel(GlowConfig config, ContextFeatures features, Dense hidden1, Dense hidden2, Dense output) {
        this.channels = config.channels();
        this.height = config.height();
        this.width = config.width();
        this.features = features;
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
        ContextFeatures features = features(model, layers[0].inputs());
        if (layers[1].inputs() != layers[0].outputs() || layers[2].inputs() != layers[1].outputs() || layers[2].outputs() != SYMBOLS) {
            throw new IllegalArgumentException("context layers do not chain: " + layers[0] + ", " + layers[1] + ", " + layers[2]);
        }
        long expected = tensors.keySet().stream().filter(name -> name.startsWith(PREFIX)).count();
        long tensorCount = 2L * LAYERS.size() + (features instanceof ResidualFeatures ? 1 : 0);
        if (expected != tensorCount) {
            throw new IllegalArgumentException("model has " + expected + " context tensors, expected " + tensorCount);
        }
        return new ContextModel(config, features, layers[0], layers[1], layers[2]);
    }

    /** The features the model file's context model was trained on, checked against the first layer's {@code inputs}. */
    private static ContextFeatures features(ModelFile model, int inputs) {
        int channels = model.config().channels();
        NamedTensor marker = model.tensors().get(ResidualFeatures.TENSOR);
        if (marker == null) {
            return NeighbourhoodFeatures.ofCount(inputs, channels);
        }
        float radius = marker.data().length == 1 ? marker.data()[0] : Float.NaN;
        if (!(radius >= 1 && radius <= MAX_RADIUS && radius == (int) radius)) {
            throw new IllegalArgumentException(ResidualFeatures.TENSOR + " must hold one radius in [1, " + MAX_RADIUS + "]");
        }
        ResidualFeatures features = new ResidualFeatures((int) radius, channels);
        if (features.count() != inputs) {
            throw new IllegalArgumentException("context.hidden1 takes " + inputs + " features; residual features of radius "
                    + (int) radius + " are " + features.count());
        }
        return features;
    }

    /** The multiply-adds of one evaluation of the network: one sample's distribution. */
    public long multiplyAdds() {
        return (long) hidden1.inputs() * hidden1.outputs() + (long) hidden2.inputs() * hidden2.outputs()
                + (long) output.inputs() * output.outputs();
    }

    /** What the network sees and what its symbols mean. */
    public ContextFeatures features() {
        return features;
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
     * The slot boundaries of sample {@code (c, y, x)} of the canvas's current tile given the
     * samples before it (see {@link #cumulative}), for its symbols, which are offset by
     * {@link Scratch#offset()}; the array belongs to {@code scratch} and is overwritten by its
     * next use.
     */
    public int[] slots(Canvas canvas, int c, int y, int x, SlotRule rule, Scratch scratch) {
        scratch.offset = features.features(canvas, c, y, x, scratch.features);
        rule.slots(logits(scratch.features, scratch), 0, scratch.cumulative, scratch.weights);
        return scratch.cumulative;
    }

    /**
     * The logits of {@code rows} rows of features at once ({@code features[r * F ..]} gives
     * {@code logits[r * 256 ..]}), the bits that {@link #logits(float[], Scratch)} gives each row
     * alone; at most {@link Batch#ROWS} rows.
     */
    void logits(float[] features, int rows, float[] logits, Batch batch) {
        hidden1.apply(features, rows, batch.first, true);
        hidden2.apply(batch.first, rows, batch.second, true);
        output.apply(batch.second, rows, logits, false);
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
        int[] cumulative = new int[SYMBOLS + 1];
        cumulative(logits, 0, new double[SYMBOLS], cumulative);
        return cumulative;
    }

    /** The symbol of the largest of {@code logits[offset .. offset + 255]}: the first of equal ones. */
    static int likeliest(float[] logits, int offset) {
        int likeliest = 0;
        for (int s = 1; s < SYMBOLS; s++) {
            if (logits[offset + s] > logits[offset + likeliest]) {
                likeliest = s;
            }
        }
        return likeliest;
    }

    /** {@link #cumulative(float[])} of {@code logits[offset .. offset + 255]}, into {@code cumulative}. */
    static void cumulative(float[] logits, int offset, double[] weights, int[] cumulative) {
        int likeliest = likeliest(logits, offset);
        float max = logits[offset + likeliest];
        double sum = 0;
        for (int s = 0; s < SYMBOLS; s++) {
            weights[s] = StrictMath.exp((double) logits[offset + s] - max);
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
    }

    /** Working memory for {@link #slots} and {@link #logits}: one per thread. */
    public Scratch scratch() {
        return new Scratch(features.count(), hidden1.outputs(), hidden2.outputs());
    }

    /** Working memory for batched evaluation: one per thread. */
    Batch batch() {
        return new Batch(features.count(), hidden1.outputs(), hidden2.outputs());
    }

    /** The features, activations and logits of up to {@link #ROWS} rows, and one row's slots. */
    static final class Batch {
        /** The most rows one batched evaluation takes. */
        static final int ROWS = 256;

        final float[] features;
        final float[] first;
        final float[] second;
        final float[] logits = new float[ROWS * SYMBOLS];
        final int[] offsets = new int[ROWS];
        final float[] row;
        final double[] weights = new double[SYMBOLS];
        final int[] cumulative = new int[SYMBOLS + 1];

        private Batch(int features, int first, int second) {
            this.features = new float[ROWS * features];
            this.first = new float[ROWS * first];
            this.second = new float[ROWS * second];
            this.row = new float[features];
        }
    }

    /** The features, activations, logits and slots of one evaluation. */
    public static final class Scratch {
        final float[] features;
        private final float[] first;
        private final float[] second;
        private final float[] logits = new float[SYMBOLS];
        private final double[] weights = new double[SYMBOLS];
        private final int[] cumulative = new int[SYMBOLS + 1];
        private int offset;

        /** The offset of the symbols of the last {@link ContextModel#slots} call: symbol s is value {@code (s + offset) & 255}. */
        public int offset() {
            return offset;
        }

        private Scratch(int features, int first, int second) {
            this.features = new float[features];
            this.first = new float[first];
            this.second = new float[second];
        }
    }
}
