package org.glowzip.model.flow;

import java.util.List;
import java.util.Random;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowLayout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Coupling layer. The input splits into {@code x_a} (first C/2 channels, passed through) and
 * {@code x_b}; a {@link CouplingNetwork} of {@code x_a} gives shift {@code t} (first C/2 output
 * channels) and, for affine coupling, pre-scale {@code h} (last C/2). Affine:
 * {@code y_b = (x_b + t) * s}, {@code s = sigmoid(h + 2)}, log-det {@code sum(log s)}. Additive:
 * {@code y_b = x_b + t}, log-det 0.
 */
public final class Coupling implements FlowLayer {
    private final CouplingType type;
    private final int half;
    private final CouplingNetwork network;
    private INDArray shiftedB;
    private INDArray scale;

    public Coupling(GlowLayout.Step names, int channels, int hidden, CouplingType type, DataType dataType, Random random) {
        this.type = type;
        this.half = channels / 2;
        int outputs = type.outputsPerChannel() * (channels - half);
        this.network = new CouplingNetwork(names::couplingConv, half, hidden, outputs, dataType, random);
    }

    @Override
    public INDArray forward(INDArray x, INDArray logDet) {
        long channels = x.size(1);
        INDArray xa = Tensors.channels(x, 0, half);
        INDArray xb = Tensors.channels(x, half, channels);
        INDArray h = network.forward(xa);
        INDArray yb;
        if (type == CouplingType.AFFINE) {
            long width = channels - half;
            shiftedB = xb.addi(Tensors.channels(h, 0, width));
            INDArray preScale = Tensors.channels(h, width, 2 * width).addi(GlowLayout.COUPLING_SCALE_OFFSET);
            scale = Transforms.sigmoid(preScale, true);
            logDet.addi(Tensors.sumPerSample(Transforms.softPlus(preScale.negi(), false)).negi());
            yb = shiftedB.mul(scale);
        } else {
            yb = xb.addi(h);
        }
        return Tensors.concatChannels(xa, yb);
    }

    @Override
    public INDArray reverse(INDArray y) {
        return reverse(y, Inversion.EXACT);
    }

    /** {@code f^-1(y)}; {@code inversion} says whether the pre-scale is clamped. */
    public INDArray reverse(INDArray y, Inversion inversion) {
        long channels = y.size(1);
        INDArray ya = Tensors.channels(y, 0, half);
        INDArray yb = Tensors.channels(y, half, channels);
        INDArray h = network.forward(ya);
        if (type == CouplingType.AFFINE) {
            long width = channels - half;
            INDArray preScale = Tensors.channels(h, width, 2 * width).addi(GlowLayout.COUPLING_SCALE_OFFSET);
            INDArray s = Transforms.sigmoid(inversion.preScale(preScale), false);
            return Tensors.concatChannels(ya, yb.divi(s).subi(Tensors.channels(h, 0, width)));
        }
        return Tensors.concatChannels(ya, yb.subi(h));
    }

    @Override
    public INDArray backward(INDArray gradY, double logDetWeight) {
        long channels = gradY.size(1);
        INDArray gradA = Tensors.channels(gradY, 0, half);
        INDArray gradB = Tensors.channels(gradY, half, channels);
        INDArray gradH;
        INDArray gradXb;
        if (type == CouplingType.AFFINE) {
            gradXb = gradB.mul(scale);
            INDArray gradScale = gradB.mul(shiftedB).addi(Transforms.pow(scale, -1, true).muli(logDetWeight));
            INDArray gradPreScale = gradScale.muli(scale).muli(scale.rsub(1.0));
            gradH = Tensors.concatChannels(gradXb, gradPreScale);
        } else {
            gradXb = gradB;
            gradH = gradB;
        }
        INDArray gradXa = gradA.addi(network.backward(gradH));
        return Tensors.concatChannels(gradXa, gradXb);
    }

    @Override
    public List<Parameter> parameters() {
        return network.parameters();
    }
}
