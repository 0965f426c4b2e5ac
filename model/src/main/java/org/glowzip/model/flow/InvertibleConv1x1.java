package org.glowzip.model.flow;

import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.inverse.InvertMatrix;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Invertible 1x1 convolution in LU form: {@code y[:, i, h, w] = sum_j W[i][j] x[:, j, h, w]} with
 * {@code W = P L (U + diag(sign * exp(logs)))}, P a fixed permutation ({@code P[perm[i]][i] = 1}),
 * L unit lower triangular, U strictly upper triangular (only the strict triangles of the stored
 * {@code lower}/{@code upper} are used). Log-det is {@code H*W*sum(logs)}. Initialized from the
 * LU decomposition of a random rotation.
 */
public final class InvertibleConv1x1 implements FlowLayer {
    private final int channels;
    private final ParameterList parameters;
    private final Parameter perm;
    private final Parameter sign;
    private final Parameter lower;
    private final Parameter upper;
    private final Parameter logs;
    private final INDArray permutation;
    private final INDArray lowerMask;
    private final INDArray upperMask;
    private final INDArray identity;
    private INDArray input;
    private INDArray unitLower;
    private INDArray upperWithDiagonal;
    private INDArray weight;

    public InvertibleConv1x1(String prefix, int channels, DataType type, Random random) {
        this.channels = channels;
        LuDecomposition lu = LuDecomposition.ofRandomRotation(channels, random);
        this.parameters = new ParameterList(prefix);
        this.perm = parameters.fixed("perm", Nd4j.create(lu.permutation()).castTo(type));
        this.sign = parameters.fixed("sign", Nd4j.create(lu.diagonalSigns()).castTo(type));
        this.lower = parameters.trainable("lower", Nd4j.create(lu.lower()).castTo(type));
        this.upper = parameters.trainable("upper", Nd4j.create(lu.upper()).castTo(type));
        this.logs = parameters.trainable("logs", Nd4j.create(lu.logAbsDiagonal()).castTo(type));
        double[][] strictLower = new double[channels][channels];
        double[][] strictUpper = new double[channels][channels];
        for (int i = 0; i < channels; i++) {
            for (int j = 0; j < channels; j++) {
                strictLower[i][j] = j < i ? 1 : 0;
                strictUpper[i][j] = j > i ? 1 : 0;
            }
        }
        this.lowerMask = Nd4j.create(strictLower).castTo(type).detach();
        this.upperMask = Nd4j.create(strictUpper).castTo(type).detach();
        this.identity = Nd4j.eye(channels).castTo(type).detach();
        this.permutation = Nd4j.zeros(type, channels, channels).detach();
        refreshPermutation();
    }

    /** Rebuilds the permutation matrix from the {@code perm} parameter (after loading a model). */
    public void refreshPermutation() {
        permutation.assign(0);
        for (int i = 0; i < channels; i++) {
            permutation.putScalar(perm.value().getInt(i), i, 1.0);
        }
    }

    /** The current weight matrix W, {@code [C, C]}. */
    public INDArray weight() {
        unitLower = lower.value().mul(lowerMask).addi(identity);
        upperWithDiagonal = upper.value().mul(upperMask)
                .addi(Nd4j.diag(sign.value().mul(Transforms.exp(logs.value(), true))));
        return permutation.mmul(unitLower).mmul(upperWithDiagonal);
    }

    @Override
    public INDArray forward(INDArray x, INDArray logDet) {
        input = x;
        weight = weight();
        logDet.addi(logs.value().sumNumber().doubleValue() * x.size(2) * x.size(3));
        return conv1x1(x, weight);
    }

    @Override
    public INDArray reverse(INDArray y) {
        return conv1x1(y, InvertMatrix.invert(weight(), false));
    }

    @Override
    public INDArray backward(INDArray gradY, double logDetWeight) {
        INDArray gradX = Nd4j.createUninitialized(input.dataType(), input.shape());
        INDArray gradW = Nd4j.createUninitialized(input.dataType(), channels, channels, 1, 1);
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(input, kernel(weight), gradY)
                .addOutputs(gradX, gradW).addIntegerArguments(1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1).build());
        INDArray dW = gradW.reshape(channels, channels);
        INDArray gradLower = permutation.transpose().mmul(dW).mmul(upperWithDiagonal.transpose()).muli(lowerMask);
        INDArray gradUpperFull = permutation.mmul(unitLower).transpose().mmul(dW);
        lower.gradient().assign(gradLower);
        upper.gradient().assign(gradUpperFull.mul(upperMask));
        INDArray diagonal = gradUpperFull.mul(identity).sum(1);
        long pixels = input.size(0) * input.size(2) * input.size(3);
        logs.gradient().assign(diagonal.mul(sign.value()).muli(Transforms.exp(logs.value(), true)).addi(logDetWeight * pixels));
        return gradX;
    }

    private INDArray kernel(INDArray matrix) {
        return matrix.reshape('c', channels, channels, 1, 1);
    }

    private INDArray conv1x1(INDArray x, INDArray matrix) {
        INDArray y = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, kernel(matrix)).addOutputs(y)
                .addIntegerArguments(1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1).build());
        return y;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters.list();
    }
}
