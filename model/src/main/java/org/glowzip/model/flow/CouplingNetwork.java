package org.glowzip.model.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The network of a coupling layer (and of the variational dequantizer): conv3x3 - ReLU - conv1x1 -
 * ReLU - {@link ZeroConv2d}, NCHW, "same" padding; {@code convName} names convolution 1 to 3. The first two convolutions start from N(0, 0.05^2) weights and zero biases; the
 * last starts at zero, so the network's output starts at zero. In a conditioned Glow's coupling a
 * {@link ConditionConv} of the tile's border planes adds to the first convolution, before its ReLU.
 */
public final class CouplingNetwork {
    private static final double INITIAL_STD = 0.05;

    private final Conv2d conv1;
    private final Conv2d conv2;
    private final ZeroConv2d conv3;
    private final Optional<ConditionConv> condition;
    private INDArray hidden1;
    private INDArray hidden2;

    public CouplingNetwork(IntFunction<String> convName, int in, int hidden, int out, DataType type, Random random) {
        this(convName, in, hidden, out, Optional.empty(), type, random);
    }

    /** A network whose first convolution has {@code condition} added, where present (its output {@code hidden} channels). */
    public CouplingNetwork(IntFunction<String> convName, int in, int hidden, int out, Optional<ConditionConv> condition, DataType type,
            Random random) {
        this.condition = condition;
        this.conv1 = new Conv2d(convName.apply(1), gaussian(type, random, hidden, in, 3, 3));
        this.conv2 = new Conv2d(convName.apply(2), gaussian(type, random, hidden, hidden, 1, 1));
        this.conv3 = new ZeroConv2d(convName.apply(3), hidden, out, type);
    }

    private static INDArray gaussian(DataType type, Random random, int... shape) {
        long count = 1;
        for (int dimension : shape) {
            count *= dimension;
        }
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * INITIAL_STD;
        }
        return Nd4j.create(values, new long[] {shape[0], shape[1], shape[2], shape[3]}, DataType.DOUBLE).castTo(type);
    }

    public INDArray forward(INDArray x) {
        return forward(x, null);
    }

    /** The network of {@code x} given the border planes {@code border}, which only a conditioned network reads (and needs). */
    public INDArray forward(INDArray x, INDArray border) {
        hidden1 = conv1.forward(x);
        condition.ifPresent(conv -> hidden1.addi(conv.forward(Objects.requireNonNull(border, "a conditioned network needs its tile's border"))));
        Transforms.relu(hidden1, false);
        hidden2 = conv2.forward(hidden1);
        Transforms.relu(hidden2, false);
        return conv3.forward(hidden2);
    }

    /** Stores all parameter gradients and returns dLoss/dx. */
    public INDArray backward(INDArray gradY) {
        INDArray grad = reluBackward(hidden2, conv3.backward(gradY));
        INDArray gradFirst = reluBackward(hidden1, conv2.backward(grad));
        condition.ifPresent(conv -> conv.backward(gradFirst));
        return conv1.backward(gradFirst);
    }

    /** dLoss/d(pre-activation), given the ReLU output (positive exactly where the input was). */
    private static INDArray reluBackward(INDArray activation, INDArray gradOutput) {
        INDArray gradInput = Nd4j.createUninitialized(gradOutput.dataType(), gradOutput.shape());
        Nd4j.exec(DynamicCustomOp.builder("relu_bp").addInputs(activation, gradOutput).addOutputs(gradInput)
                .addFloatingPointArguments(0.0).build());
        return gradInput;
    }

    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(conv1.parameters());
        all.addAll(conv2.parameters());
        all.addAll(conv3.parameters());
        condition.ifPresent(conv -> all.addAll(conv.parameters()));
        return all;
    }
}
