package org.glowzip.model.flow;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowLayout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Coupling layer. The input splits into {@code x_a} (first C/2 channels, passed through) and
 * {@code x_b}; a {@link CouplingNetwork} of {@code x_a} gives shift {@code t} (first block of
 * C - C/2 output channels) and, for affine and mixture coupling, pre-scale {@code h} (second block).
 * Affine: {@code y_b = (x_b + t) * s}, {@code s = sigmoid(h + 2)}, log-det {@code sum(log s)}.
 * Mixture: {@code y_b = L(x_b + t) * s} with the {@link MixtureCurve} {@code L} of the remaining
 * blocks, log-det {@code sum(log L' + log s)}. Additive: {@code y_b = x_b + t}, log-det 0. In a
 * conditioned Glow the network also reads the tile's border planes at the coupling's level.
 */
public final class Coupling implements FlowLayer {
    /**
     * Spacing of the mixture components' initial weight logits. The components start alike (mean 0,
     * log-scale 0), so the curve starts as the identity whatever the weights; unequal weights give
     * them unequal gradients, so that training can tell them apart.
     */
    private static final double INITIAL_WEIGHT_SPACING = 0.5;

    private final CouplingType type;
    private final int half;
    private final CouplingNetwork network;
    private MixtureCurve curve;
    private INDArray bent;
    private INDArray scale;

    public Coupling(GlowLayout.Step names, int channels, int hidden, CouplingType type, DataType dataType, Random random) {
        this(names, channels, hidden, type, 0, dataType, random);
    }

    /** A coupling conditioned on {@code borderPlanes} planes of its tile's border (none: 0). */
    public Coupling(GlowLayout.Step names, int channels, int hidden, CouplingType type, int borderPlanes, DataType dataType, Random random) {
        this.type = type;
        this.half = channels / 2;
        int width = channels - half;
        Optional<ConditionConv> condition = borderPlanes == 0 ? Optional.empty()
                : Optional.of(new ConditionConv(names.coupling(), borderPlanes, hidden, dataType));
        this.network = new CouplingNetwork(names::couplingConv, half, hidden, type.outputsPerChannel() * width, condition, dataType, random);
        if (type == CouplingType.MIXTURE) {
            String biasName = names.couplingConv(3) + ".bias";
            INDArray bias = network.parameters().stream().filter(p -> p.name().equals(biasName)).findFirst().orElseThrow().value();
            int components = GlowLayout.MIXTURE_COMPONENTS;
            for (int k = 0; k < components; k++) {
                long from = (long) (2 + k) * width;
                bias.get(NDArrayIndex.interval(from, from + width)).assign((k - (components - 1) / 2.0) * INITIAL_WEIGHT_SPACING);
            }
        }
    }

    @Override
    public INDArray forward(INDArray x, INDArray logDet) {
        return forward(x, logDet, null);
    }

    /** {@link #forward(INDArray, INDArray)} given the tile's border planes at this level, which a conditioned coupling needs. */
    public INDArray forward(INDArray x, INDArray logDet, INDArray border) {
        long channels = x.size(1);
        long width = channels - half;
        INDArray xa = Tensors.channels(x, 0, half);
        INDArray xb = Tensors.channels(x, half, channels);
        INDArray h = network.forward(xa, border);
        if (type == CouplingType.ADDITIVE) {
            return Tensors.concatChannels(xa, xb.addi(h));
        }
        bent = xb.addi(Tensors.channels(h, 0, width));
        if (type == CouplingType.MIXTURE) {
            curve = new MixtureCurve(Tensors.channels(h, 2 * width, h.size(1)), width);
            bent = curve.forward(bent);
            logDet.addi(Tensors.sumPerSample(curve.logDerivative()));
        }
        INDArray preScale = Tensors.channels(h, width, 2 * width).addi(GlowLayout.COUPLING_SCALE_OFFSET);
        scale = Transforms.sigmoid(preScale, true);
        logDet.addi(Tensors.sumPerSample(Transforms.softPlus(preScale.negi(), false)).negi());
        return Tensors.concatChannels(xa, bent.mul(scale));
    }

    @Override
    public INDArray reverse(INDArray y) {
        return reverse(y, null, Inversion.EXACT);
    }

    /** {@code f^-1(y)} given the border planes (as for forward); {@code inversion} says whether the pre-scale is clamped. */
    public INDArray reverse(INDArray y, INDArray border, Inversion inversion) {
        long channels = y.size(1);
        long width = channels - half;
        INDArray ya = Tensors.channels(y, 0, half);
        INDArray yb = Tensors.channels(y, half, channels);
        INDArray h = network.forward(ya, border);
        INDArray shift = Tensors.channels(h, 0, width);
        if (type == CouplingType.ADDITIVE) {
            return Tensors.concatChannels(ya, yb.subi(shift));
        }
        INDArray preScale = Tensors.channels(h, width, 2 * width).addi(GlowLayout.COUPLING_SCALE_OFFSET);
        INDArray unscaled = yb.divi(Transforms.sigmoid(inversion.preScale(preScale), false));
        if (type == CouplingType.MIXTURE) {
            unscaled = new MixtureCurve(Tensors.channels(h, 2 * width, h.size(1)), width).inverse(unscaled);
        }
        return Tensors.concatChannels(ya, unscaled.subi(shift));
    }

    @Override
    public INDArray backward(INDArray gradY, double logDetWeight) {
        long channels = gradY.size(1);
        INDArray gradA = Tensors.channels(gradY, 0, half);
        INDArray gradB = Tensors.channels(gradY, half, channels);
        if (type == CouplingType.ADDITIVE) {
            return Tensors.concatChannels(gradA.addi(network.backward(gradB)), gradB);
        }
        INDArray gradBent = gradB.mul(scale);
        INDArray gradScale = gradB.mul(bent).addi(Transforms.pow(scale, -1, true).muli(logDetWeight));
        INDArray gradPreScale = gradScale.muli(scale).muli(scale.rsub(1.0));
        INDArray gradXb;
        INDArray gradH;
        if (type == CouplingType.MIXTURE) {
            MixtureCurve.Gradients gradients = curve.backward(gradBent, logDetWeight);
            gradXb = gradients.input();
            gradH = Nd4j.concat(1, gradXb, gradPreScale, gradients.parameters());
        } else {
            gradXb = gradBent;
            gradH = Tensors.concatChannels(gradXb, gradPreScale);
        }
        INDArray gradXa = gradA.addi(network.backward(gradH));
        return Tensors.concatChannels(gradXa, gradXb);
    }

    @Override
    public List<Parameter> parameters() {
        return network.parameters();
    }
}
