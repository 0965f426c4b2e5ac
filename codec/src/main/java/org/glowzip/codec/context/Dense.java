package org.glowzip.codec.context;

import java.util.Arrays;
import org.glowzip.codec.modelfile.NamedTensor;
import org.glowzip.codec.nn.DenseKernel;

/**
 * A dense layer {@code out[o] = (sum over ascending i of weight[o][i] * in[i]) + bias[o]} in float
 * arithmetic, optionally followed by a ReLU: the same bits on every JVM. The weights are kept
 * transposed so that the loop over outputs, whose sums are independent, is the inner one and can
 * run in SIMD lanes without changing any sum's order; inputs that are zero (half of what a ReLU
 * passes on) are skipped.
 *
 * <p>Many rows at once run in a {@link DenseKernel}, which skips nothing and gives the same bits:
 * each sum starts at +0, and rounding to nearest a float sum is -0 only when both its terms are,
 * so a sum is never -0; a zero input times a weight, which is finite ({@link NamedTensor}), is
 * ±0, and adding ±0 to a sum that is not -0 leaves it as it is.
 */
final class Dense {
    private final int inputs;
    private final int outputs;
    /** {@code weight[o][i]} at {@code i * outputs + o}. */
    private final float[] transposed;
    /** The weights packed for {@link DenseKernel}. */
    private final float[] panels;
    private final float[] bias;

    private Dense(int inputs, int outputs, float[] weight, float[] bias) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.transposed = new float[weight.length];
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < inputs; i++) {
                transposed[i * outputs + o] = weight[o * inputs + i];
            }
        }
        this.panels = DenseKernel.panels(weight, inputs, outputs);
        this.bias = bias;
    }

    /** @throws IllegalArgumentException unless weight is [out, in] and bias [out] */
    static Dense of(NamedTensor weight, NamedTensor bias) {
        int[] shape = weight.shape();
        if (shape.length != 2 || bias.shape().length != 1 || bias.shape()[0] != shape[0]) {
            throw new IllegalArgumentException(weight.name() + " and " + bias.name() + " must be [out, in] and [out]");
        }
        return new Dense(shape[1], shape[0], weight.data(), bias.data());
    }

    int inputs() {
        return inputs;
    }

    int outputs() {
        return outputs;
    }

    void apply(float[] in, float[] out, boolean relu) {
        Arrays.fill(out, 0, outputs, 0f);
        for (int i = 0, column = 0; i < inputs; i++, column += outputs) {
            float value = in[i];
            if (value == 0f) {
                continue; // adds ±0, which changes no sum (see the class comment)
            }
            for (int o = 0; o < outputs; o++) {
                out[o] += transposed[column + o] * value;
            }
        }
        for (int o = 0; o < outputs; o++) {
            float value = out[o] + bias[o];
            out[o] = relu && value < 0f ? 0f : value;
        }
    }

    /**
     * The layer on {@code rows} rows at once, with {@link DenseKernel#preferred()}: row
     * {@code in[r * inputs ..]} gives {@code out[r * outputs ..]}, the bits that
     * {@link #apply(float[], float[], boolean)} gives it alone.
     */
    void apply(float[] in, int rows, float[] out, boolean relu) {
        apply(in, rows, out, relu, DenseKernel.preferred());
    }

    /** {@link #apply(float[], int, float[], boolean)} with the given kernel, which must be {@link DenseKernel#isAvailable() available}. */
    void apply(float[] in, int rows, float[] out, boolean relu, DenseKernel kernel) {
        kernel.apply(in, rows, inputs, panels, bias, relu, out);
    }

    @Override
    public String toString() {
        return "[" + outputs + ", " + inputs + "]";
    }
}
