package org.glowzip.model.flow;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A stride-1, "same"-padded 2-D convolution with bias on NCHW tensors, with a hand-written backward
 * pass on ND4J's {@code conv2d} / {@code conv2d_bp} ops. Weights are {@code [out, in, k, k]}.
 */
public final class Conv2d {
    private static final int NCHW = 0;
    private static final int WEIGHTS_OIHW = 1;
    private static final int EXPLICIT_PADDING = 0;

    private final int kernel;
    private final Parameter weight;
    private final Parameter bias;
    private final ParameterList parameters;
    private INDArray input;

    /** A convolution with the given initial weights ({@code [out, in, k, k]}) and zero bias. */
    public Conv2d(String prefix, INDArray initialWeight) {
        this.kernel = (int) initialWeight.size(2);
        this.parameters = new ParameterList(prefix);
        this.weight = parameters.trainable("weight", initialWeight);
        this.bias = parameters.trainable("bias", Nd4j.zeros(initialWeight.dataType(), initialWeight.size(0)));
    }

    public INDArray forward(INDArray x) {
        input = x;
        INDArray y = Nd4j.createUninitialized(x.dataType(), x.size(0), weight.value().size(0), x.size(2), x.size(3));
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, weight.value(), bias.value()).addOutputs(y)
                .addIntegerArguments(arguments()).build());
        return y;
    }

    /** Stores the weight and bias gradients and returns dLoss/dx. */
    public INDArray backward(INDArray gradY) {
        INDArray gradX = Nd4j.createUninitialized(input.dataType(), input.shape());
        INDArray gradW = Nd4j.createUninitialized(input.dataType(), weight.value().shape());
        INDArray gradB = Nd4j.createUninitialized(input.dataType(), bias.value().shape());
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(input, weight.value(), bias.value(), gradY)
                .addOutputs(gradX, gradW, gradB).addIntegerArguments(arguments()).build());
        weight.gradient().assign(gradW);
        bias.gradient().assign(gradB);
        return gradX;
    }

    private int[] arguments() {
        int pad = (kernel - 1) / 2;
        return new int[] {kernel, kernel, 1, 1, pad, pad, 1, 1, EXPLICIT_PADDING, NCHW, WEIGHTS_OIHW};
    }

    public List<Parameter> parameters() {
        return parameters.list();
    }
}
