package org.glowzip.model.flow;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Activation normalization: {@code y = (x + bias[c]) * exp(logs[c])}, log-det {@code H*W*sum(logs)}.
 * The first forward pass before {@link #markInitialized()} sets bias and log-scale so that this
 * batch's output has zero mean and unit variance per channel (data-dependent initialization).
 */
public final class ActNorm implements FlowLayer {
    private static final double EPSILON = 1e-6;

    private final ParameterList parameters;
    private final Parameter bias;
    private final Parameter logs;
    private boolean initialized;
    private INDArray output;
    private long pixels;
    private long batch;

    public ActNorm(String prefix, int channels, DataType type) {
        this.parameters = new ParameterList(prefix);
        this.bias = parameters.trainable("bias", Nd4j.zeros(type, channels));
        this.logs = parameters.trainable("logs", Nd4j.zeros(type, channels));
    }

    /** Skips data-dependent initialization, e.g. after loading trained values. */
    public void markInitialized() {
        initialized = true;
    }

    public boolean initialized() {
        return initialized;
    }

    @Override
    public INDArray forward(INDArray x, INDArray logDet) {
        if (!initialized) {
            INDArray mean = x.mean(0, 2, 3);
            INDArray centered = Tensors.addPerChannel(x, mean.neg());
            INDArray std = Transforms.sqrt(centered.mul(centered).mean(0, 2, 3), false);
            bias.value().assign(mean.neg());
            logs.value().assign(Transforms.log(std.addi(EPSILON), false).negi());
            initialized = true;
        }
        pixels = x.size(2) * x.size(3);
        batch = x.size(0);
        output = Tensors.mulPerChannel(Tensors.addPerChannel(x, bias.value()), Transforms.exp(logs.value(), true));
        logDet.addi(logs.value().sumNumber().doubleValue() * pixels);
        return output;
    }

    @Override
    public INDArray reverse(INDArray y) {
        return Tensors.addPerChannel(Tensors.mulPerChannel(y, Transforms.exp(logs.value().neg(), false)), bias.value().neg());
    }

    @Override
    public INDArray backward(INDArray gradY, double logDetWeight) {
        INDArray scale = Transforms.exp(logs.value(), true);
        INDArray gradX = Tensors.mulPerChannel(gradY, scale);
        bias.gradient().assign(Tensors.sumPerChannel(gradX));
        logs.gradient().assign(Tensors.sumPerChannel(gradY.mul(output)).addi(logDetWeight * batch * pixels));
        return gradX;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters.list();
    }
}
