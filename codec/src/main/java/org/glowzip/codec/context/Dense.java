package org.glowzip.codec.context;

import org.glowzip.codec.model.NamedTensor;

/**
 * A dense layer {@code out[o] = (sum over ascending i of weight[o][i] * in[i]) + bias[o]} in float
 * arithmetic, optionally followed by a ReLU: the same bits on every JVM.
 */
final class Dense {
    private final int inputs;
    private final int outputs;
    private final float[] weight;
    private final float[] bias;

    private Dense(int inputs, int outputs, float[] weight, float[] bias) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.weight = weight;
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
        for (int o = 0, row = 0; o < outputs; o++, row += inputs) {
            float sum = 0f;
            for (int i = 0; i < inputs; i++) {
                sum += weight[row + i] * in[i];
            }
            float value = sum + bias[o];
            out[o] = relu && value < 0f ? 0f : value;
        }
    }

    @Override
    public String toString() {
        return "[" + outputs + ", " + inputs + "]";
    }
}
