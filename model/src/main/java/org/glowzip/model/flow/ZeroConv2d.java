package org.glowzip.model.flow;

import java.util.List;
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
        scale = Transforms.exp(logscale.value().mul(LOGSCALE_FACTOR), false);
        output = Tensors.mulPerChannel(conv.forward(x), scale);
        return output;
    }

    public INDArray backward(INDArray gradY) {
        logscale.gradient().assign(Tensors.sumPerChannel(gradY.mul(output)).muli(LOGSCALE_FACTOR));
        return conv.backward(Tensors.mulPerChannel(gradY, scale));
    }

    public List<Parameter> parameters() {
        return parameters.list();
    }
}
