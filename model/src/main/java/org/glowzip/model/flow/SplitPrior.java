package org.glowzip.model.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Factors out half the channels at the end of a level. The kept half {@code z1} (first C/2
 * channels) conditions a diagonal Gaussian on the factored-out half {@code z2}: a
 * {@link ZeroConv2d} of {@code z1} gives the mean (first C/2 output channels) and log standard
 * deviation (last C/2). In a conditioned Glow a {@link ConditionConv} of the tile's border planes
 * adds to that convolution before its scaling, and a {@link PriorContext} where the Glow has one
 * adds to the parameters of the factored-out half's later phases given its earlier ones.
 */
public final class SplitPrior {
    private final ZeroConv2d conv;
    private final Optional<ConditionConv> condition;
    private final Optional<PriorContext> context;
    private final int half;
    private Gaussian gaussian;

    /**
     * The prior of a level of {@code channels}, conditioned on {@code borderPlanes} border planes
     * (none: 0), with {@code context} where present.
     */
    public SplitPrior(String prefix, int channels, int borderPlanes, Optional<PriorContext> context, DataType type) {
        this.half = channels / 2;
        this.context = context;
        this.conv = new ZeroConv2d(prefix, half, 2 * (channels - half), type);
        this.condition = borderPlanes == 0 ? Optional.empty()
                : Optional.of(new ConditionConv(prefix, borderPlanes, 2 * (channels - half), type));
    }

    /** The kept half of {@code x}. */
    public INDArray kept(INDArray x) {
        return Tensors.channels(x, 0, half);
    }

    /** The factored-out half of {@code x}. */
    public INDArray factored(INDArray x) {
        return Tensors.channels(x, half, x.size(1));
    }

    /** {@code [N]} log-density of {@code z2} given {@code z1} and the border planes; remembers what backward needs. */
    public INDArray logDensity(INDArray z1, INDArray z2, INDArray border) {
        INDArray parameters = parameters(z1, border);
        if (context.isPresent()) {
            parameters = context.get().addTo(parameters, Tensors.concatChannels(z1, z2), half);
        }
        long width = z2.size(1);
        gaussian = new Gaussian(z2, Tensors.channels(parameters, 0, width), Tensors.channels(parameters, width, 2 * width));
        return gaussian.logDensity();
    }

    /**
     * Given dLoss/dz1 from the levels above and the loss weight of the log-density, stores the
     * gradients and returns dLoss/dx for {@code x = [z1, z2]}.
     */
    public INDArray backward(INDArray gradKept, double logDensityWeight) {
        INDArray gradParameters = Tensors.concatChannels(
                gaussian.gradMean(logDensityWeight), gaussian.gradLogsd(logDensityWeight));
        INDArray gradZ1 = gradKept.add(conv.backward(gradParameters, condition));
        INDArray gradX = Tensors.concatChannels(gradZ1, gaussian.gradZ(logDensityWeight));
        context.ifPresent(c -> gradX.addi(c.backward(gradParameters)));
        return gradX;
    }

    /**
     * {@code [z1, z2]} with {@code z2 = mean + temperature * sd * eps}, given the border planes; with
     * contexts, phase by phase, each given the ones before it.
     */
    public INDArray join(INDArray z1, INDArray eps, double temperature, INDArray border) {
        INDArray parameters = parameters(z1, border);
        INDArray z2 = sample(parameters, eps, temperature);
        for (int round = 0; round < context.map(PriorContext::samplingRounds).orElse(0); round++) {
            z2 = sample(context.get().addTo(parameters, Tensors.concatChannels(z1, z2), half), eps, temperature);
        }
        return Tensors.concatChannels(z1, z2);
    }

    private static INDArray sample(INDArray parameters, INDArray eps, double temperature) {
        long width = eps.size(1);
        return Gaussian.sample(Tensors.channels(parameters, 0, width), Tensors.channels(parameters, width, 2 * width), eps, temperature);
    }

    /** The means and log standard deviations of the factored-out half, given the kept half and the border planes. */
    private INDArray parameters(INDArray z1, INDArray border) {
        return condition.map(c -> conv.forward(z1, c.forward(border))).orElseGet(() -> conv.forward(z1));
    }

    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(conv.parameters());
        condition.ifPresent(c -> all.addAll(c.parameters()));
        context.ifPresent(c -> all.addAll(c.parameters()));
        return all;
    }
}
