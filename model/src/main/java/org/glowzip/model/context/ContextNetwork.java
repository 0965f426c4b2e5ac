package org.glowzip.model.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.modelfile.NamedTensor;
import org.glowzip.model.flow.GlowFiles;
import org.glowzip.model.flow.Parameter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The network of {@link ContextModel} in ND4J, for training: features {@code [B, F]} through
 * {@code hidden1} and {@code hidden2} (each dense, then ReLU) to {@code output}'s {@value
 * ContextModel#SYMBOLS} logits, with the codec's tensor names and layouts (weight {@code [out, in]},
 * bias {@code [out]}). The loss is the mean code length in bits per sample under the softmax;
 * its gradients are written by hand into the {@link Parameter}s for an optimizer.
 *
 * <p>Initialization: hidden weights He-normal ({@code N(0, 2 / in)}), output weights and all
 * biases zero, so an untrained network gives every value the same probability: 8 bits.
 */
public final class ContextNetwork {
    private static final int LAYERS = ContextModel.LAYERS.size();
    private static final double LN2 = Math.log(2);

    private final DataType dataType;
    private final List<Parameter> weights = new ArrayList<>();
    private final List<Parameter> biases = new ArrayList<>();
    /** The input of each layer in the last forward pass; only valid inside its workspace scope. */
    private final INDArray[] inputs = new INDArray[LAYERS];

    /**
     * @param features F, the input width ({@link ContextModel#featureCount(int, int)})
     * @param hidden N, the width of both hidden layers
     * @param seed fixes the initial weights
     */
    public ContextNetwork(int features, int hidden, DataType dataType, long seed) {
        if (features < 1 || hidden < 1) {
            throw new IllegalArgumentException("bad context network " + features + " -> " + hidden);
        }
        this.dataType = dataType;
        Random random = new Random(seed);
        int[] widths = {features, hidden, hidden, ContextModel.SYMBOLS};
        for (int layer = 0; layer < LAYERS; layer++) {
            int in = widths[layer];
            int out = widths[layer + 1];
            double deviation = layer < LAYERS - 1 ? Math.sqrt(2.0 / in) : 0;
            double[] weight = new double[out * in];
            for (int i = 0; i < weight.length; i++) {
                weight[i] = random.nextGaussian() * deviation;
            }
            String name = ContextModel.PREFIX + ContextModel.LAYERS.get(layer);
            weights.add(new Parameter(name + ".weight", Nd4j.create(weight, new long[] {out, in}, DataType.DOUBLE).castTo(dataType), true));
            biases.add(new Parameter(name + ".bias", Nd4j.zeros(dataType, out), true));
        }
    }

    /** Every parameter, for an optimizer; weights and biases of each layer in order. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (int layer = 0; layer < LAYERS; layer++) {
            all.add(weights.get(layer));
            all.add(biases.get(layer));
        }
        return all;
    }

    /** The parameters as the codec's float32 tensors. */
    public List<NamedTensor> tensors() {
        return GlowFiles.tensors(parameters());
    }

    public DataType dataType() {
        return dataType;
    }

    /** The {@code [B, 256]} logits for {@code features} {@code [B, F]}; remembers the activations. */
    public INDArray logits(INDArray features) {
        INDArray activation = features;
        for (int layer = 0; layer < LAYERS; layer++) {
            inputs[layer] = activation;
            activation = Nd4j.gemm(activation, weights.get(layer).value(), false, true).addiRowVector(biases.get(layer).value());
            if (layer < LAYERS - 1) {
                activation = Transforms.relu(activation, false);
            }
        }
        return activation;
    }

    /** The code length in bits of each {@code targets[b]} given row b of {@code features}, summed. */
    public double bits(INDArray features, int[] targets) {
        return bits(Transforms.softmax(logits(features), false), oneHot(targets));
    }

    /**
     * The mean code length in bits per sample of {@code targets} given {@code features}, and its
     * gradient in every parameter's {@link Parameter#gradient()}.
     */
    public double train(INDArray features, int[] targets) {
        INDArray probabilities = Transforms.softmax(logits(features), false);
        INDArray oneHot = oneHot(targets);
        double meanBits = bits(probabilities, oneHot) / targets.length;
        INDArray delta = probabilities.subi(oneHot).muli(1 / (LN2 * targets.length));
        INDArray ones = Nd4j.ones(dataType, 1, targets.length);
        for (int layer = LAYERS - 1; layer >= 0; layer--) {
            INDArray in = inputs[layer];
            weights.get(layer).gradient().assign(Nd4j.gemm(delta, in, true, false));
            biases.get(layer).gradient().assign(Nd4j.gemm(ones, delta, false, false).reshape(-1));
            if (layer > 0) {
                delta = Nd4j.gemm(delta, weights.get(layer).value(), false, false).muli(in.gt(0).castTo(dataType));
            }
        }
        return meanBits;
    }

    /**
     * The summed {@code -log2} of the probabilities that {@code oneHot} picks. A probability that
     * underflowed to 0 counts as the smallest normal float, 126 bits (the codec charges at most
     * 20 bits for any value).
     */
    private static double bits(INDArray probabilities, INDArray oneHot) {
        double sum = 0;
        for (double p : probabilities.mul(oneHot).sum(1).toDoubleVector()) {
            sum -= Math.log(Math.max(p, Float.MIN_NORMAL));
        }
        return sum / LN2;
    }

    private INDArray oneHot(int[] targets) {
        INDArray oneHot = Nd4j.zeros(dataType, targets.length, ContextModel.SYMBOLS);
        for (int b = 0; b < targets.length; b++) {
            oneHot.putScalar(b, targets[b], 1.0);
        }
        return oneHot;
    }
}
