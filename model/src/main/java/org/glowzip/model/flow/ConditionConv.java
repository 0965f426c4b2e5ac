package org.glowzip.model.flow;

import java.util.List;
import org.glowzip.codec.modelfile.GlowLayout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The border condition of one layer of a conditioned Glow ({@link GlowLayout}): a 3x3 convolution
 * without bias from a tile border's planes to what the layer adds it to, its weights
 * {@code <prefix>.condition.weight} starting at zero, so that a Glow that takes on a condition
 * goes on from where it stands. The planes are data: no gradient flows back to them.
 */
public final class ConditionConv {
    private static final int NCHW = 0;
    private static final int WEIGHTS_OIHW = 1;
    private static final int EXPLICIT_PADDING = 0;
    private static final int[] ARGUMENTS = {3, 3, 1, 1, 1, 1, 1, 1, EXPLICIT_PADDING, NCHW, WEIGHTS_OIHW};

    private final Parameter weight;
    private final ParameterList parameters;
    private final INDArray noBias;
    private INDArray planes;

    /** The condition of the layer named {@code prefix}, from {@code planes} border planes to {@code out} channels. */
    public ConditionConv(String prefix, int planes, int out, DataType type) {
        this.parameters = new ParameterList(prefix + GlowLayout.CONDITION);
        this.weight = parameters.trainable("weight", Nd4j.zeros(type, out, planes, 3, 3));
        this.noBias = Nd4j.zeros(type, out);
    }

    /** The convolution of {@code planes} ({@code [N, P, h, w]}); remembers them for {@link #backward}. */
    public INDArray forward(INDArray planes) {
        this.planes = planes;
        INDArray y = Nd4j.createUninitialized(planes.dataType(), planes.size(0), weight.value().size(0), planes.size(2), planes.size(3));
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(planes, weight.value(), noBias).addOutputs(y)
                .addIntegerArguments(ARGUMENTS).build());
        return y;
    }

    /** Stores the weight gradient, given dLoss/d(output) of the last forward call. */
    public void backward(INDArray gradY) {
        INDArray gradPlanes = Nd4j.createUninitialized(planes.dataType(), planes.shape());
        INDArray gradW = Nd4j.createUninitialized(planes.dataType(), weight.value().shape());
        INDArray gradB = Nd4j.createUninitialized(planes.dataType(), noBias.shape());
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(planes, weight.value(), noBias, gradY)
                .addOutputs(gradPlanes, gradW, gradB).addIntegerArguments(ARGUMENTS).build());
        weight.gradient().assign(gradW);
    }

    public List<Parameter> parameters() {
        return parameters.list();
    }
}
