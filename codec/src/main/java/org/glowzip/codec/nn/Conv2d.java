package org.glowzip.codec.nn;

import java.util.stream.IntStream;

/**
 * A 2-D convolution with a square odd kernel, stride 1 and zero "same" padding, evaluated
 * deterministically: output {@code (o, p)} is
 * {@code bias[o] + sum over k ascending of weight[o][k] * column[k][p]}, where {@code k} runs over
 * (input channel, kernel row, kernel column) in that order. Each product and each sum is one
 * IEEE float operation in that fixed order, whatever the CPU, the JVM flags or the number of
 * threads, so encoder and decoder compute the same bits. Large convolutions spread their output
 * channels over the threads of the common fork-join pool; each output is still summed by one
 * thread in the one order.
 *
 * <p>The sums run in a {@link ConvKernel}: {@link ConvKernel#VECTOR} (the Vector API) when the JVM
 * was started with {@code --add-modules jdk.incubator.vector}, as the {@code glowzip} launcher and
 * the tests do, else {@link ConvKernel#SCALAR} (plain loops). Both perform the same operations in
 * the same order, so an image encoded with one decodes with the other, bit for bit.
 *
 * <p>Weights are given in the usual {@code [out][in][kh][kw]} order, flattened.
 */
public final class Conv2d {
    /** Output rows per task when the work is spread over threads: enough for a kernel to reuse the columns it loads. */
    private static final int ROWS_PER_TASK = 32;
    /** Multiply-adds above which output blocks are spread over the common pool's threads. */
    private static final long PARALLEL_WORK = 1 << 18;

    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final float[][] weights; // [out][in * kernel * kernel]
    private final float[] bias;

    /**
     * @param weights {@code outChannels * inChannels * kernel * kernel} floats, {@code [out][in][kh][kw]}
     * @param bias    {@code outChannels} floats
     */
    public Conv2d(int inChannels, int outChannels, int kernel, float[] weights, float[] bias) {
        if (inChannels < 1 || outChannels < 1 || kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("conv " + inChannels + "->" + outChannels + " kernel " + kernel);
        }
        int fanIn = inChannels * kernel * kernel;
        if (weights.length != (long) outChannels * fanIn || bias.length != outChannels) {
            throw new IllegalArgumentException("conv " + inChannels + "->" + outChannels + " kernel " + kernel
                    + " needs " + (long) outChannels * fanIn + " weights and " + outChannels + " biases, got "
                    + weights.length + " and " + bias.length);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.weights = new float[outChannels][];
        for (int o = 0; o < outChannels; o++) {
            this.weights[o] = java.util.Arrays.copyOfRange(weights, o * fanIn, (o + 1) * fanIn);
        }
        this.bias = bias.clone();
    }

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }

    /** Convolves {@code input} into a new feature map of {@code outChannels} planes, with {@link ConvKernel#preferred()}. */
    public FeatureMap apply(FeatureMap input) {
        return apply(input, ConvKernel.preferred());
    }

    /** Convolves {@code input} with the given kernel, which must be {@link ConvKernel#isAvailable() available}. */
    public FeatureMap apply(FeatureMap input, ConvKernel kernel) {
        kernel.requireAvailable();
        if (input.channels() != inChannels) {
            throw new IllegalArgumentException("conv expects " + inChannels + " channels, got " + input.channels());
        }
        FeatureMap output = new FeatureMap(outChannels, input.height(), input.width());
        float[][] columns = columns(input);
        int pixels = input.height() * input.width();
        if ((long) outChannels * columns.length * pixels < PARALLEL_WORK) {
            kernel.accumulate(columns, weights, bias, output, 0, outChannels, 0, pixels);
            return output;
        }
        int blocks = (outChannels + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        int halves = blocks < 4 ? 2 : 1; // few output blocks: split the pixels too
        IntStream.range(0, blocks * halves).parallel().forEach(t -> {
            int b = t / halves;
            int half = t % halves;
            kernel.accumulate(columns, weights, bias, output, b * ROWS_PER_TASK, Math.min(outChannels, (b + 1) * ROWS_PER_TASK),
                    half * pixels / halves, (half + 1) * pixels / halves);
        });
        return output;
    }

    /** The im2col matrix: row {@code (c, dy, dx)} holds input channel c shifted by (dy, dx), zero outside. */
    private float[][] columns(FeatureMap input) {
        if (kernel == 1) {
            float[][] planes = new float[inChannels][];
            for (int c = 0; c < inChannels; c++) {
                planes[c] = input.plane(c);
            }
            return planes;
        }
        int h = input.height();
        int w = input.width();
        int half = kernel / 2;
        float[][] columns = new float[inChannels * kernel * kernel][h * w];
        int k = 0;
        for (int c = 0; c < inChannels; c++) {
            float[] plane = input.plane(c);
            for (int dy = -half; dy <= half; dy++) {
                for (int dx = -half; dx <= half; dx++) {
                    float[] column = columns[k++];
                    int x0 = Math.max(0, -dx);
                    int x1 = Math.min(w, w - dx);
                    for (int y = Math.max(0, -dy); y < Math.min(h, h - dy); y++) {
                        System.arraycopy(plane, (y + dy) * w + x0 + dx, column, y * w + x0, x1 - x0);
                    }
                }
            }
        }
        return columns;
    }
}
