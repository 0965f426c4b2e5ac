package org.glowzip.model.flow;

import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Glow's zero-initialized 3x3 convolution with a learned per-channel output scale:
 * {@code y = (conv(x) + b) * exp(3 * logscale)}. Weights, bias and log-scale start at zero, so the
 * output starts at zero; the factor 3 lets the scale move faster than plain SGD would.
 */
public final class ZeroConv2d {
    /** Multiplier of the log-scale parameter. */
    public static final double LOGSCALE_FACTOR = 3.0;

    private final Conv2d conv;
    private final Parameter logscale;
    private final ParameterList parameters;
    private INDArray output;
    private INDArray scale;

    public ZeroConv2d(String prefix, int in, int out, DataType type) {
        this.parameters = new ParameterList(prefix);
        this.conv = new Conv2d(prefix, Nd4j.zeros(type, out, in, 3, 3));
        parameters.addAll(conv.parameters());
        this.logscale = parameters.trainable("logscale", Nd4j.zeros(type, out));
    }

    public INDArray forward(INDArray x) {
        return scaled(conv.forward(x));
    }

    /** The convolution of {@code x} with {@code addend} (the output's shape) added before the scaling. */
    public INDArray forward(INDArray x, INDArray addend) {
        return scaled(conv.forward(x).addi(addend));
    }

    private INDArray scaled(INDArray unscaled) {
        scale = Transforms.exp(logscale.value().mul(LOGSCALE_FACTOR), false);
        output = Tensors.mulPerChannel(unscaled, scale);
        return output;
    }

    public INDArray backward(INDArray gradY) {
        return backward(gradY, Optional.empty());
    }

    /**
     * Stores the gradients and returns dLoss/dx, given dLoss/dy of the last forward call; where
     * that call's addend was {@code addend}'s output, also {@code addend}'s gradients.
     */
    public INDArray backward(INDArray gradY, Optional<ConditionConv> addend) {
        logscale.gradient().assign(Tensors.sumPerChannel(gradY.mul(output)).muli(LOGSCALE_FACTOR));
        INDArray gradUnscaled = Tensors.mulPerChannel(gradY, scale);
        addend.ifPresent(conv -> conv.backward(gradUnscaled));
        return conv.backward(gradUnscaled);
    }

    public List<Parameter> parameters() {
        return parameters.list();
    }
}
