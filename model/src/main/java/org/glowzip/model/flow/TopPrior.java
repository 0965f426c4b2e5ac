package org.glowzip.model.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The learned prior on the latent of the last level: a diagonal Gaussian with its own mean and
 * log standard deviation for every channel and position ({@code [1, C, H, W]}), both starting at
 * zero (a standard normal). In a conditioned Glow a {@link ConditionConv} of the tile's border
 * planes adds its first C channels to the mean and its last C to the log standard deviation, and
 * a {@link PriorContext} where the Glow has one adds to the later phases' given the earlier ones.
 */
public final class TopPrior {
    private final ParameterList parameters;
    private final Parameter mean;
    private final Parameter logsd;
    private final Optional<ConditionConv> condition;
    private final Optional<PriorContext> context;
    private Gaussian gaussian;

    /**
     * The prior of a {@code channels x height x width} latent, conditioned on {@code borderPlanes}
     * border planes (none: 0), with {@code context} where present.
     */
    public TopPrior(String prefix, int channels, int height, int width, int borderPlanes, Optional<PriorContext> context,
            DataType type) {
        this.context = context;
        this.parameters = new ParameterList(prefix);
        this.mean = parameters.trainable("mean", Nd4j.zeros(type, 1, channels, height, width));
        this.logsd = parameters.trainable("logsd", Nd4j.zeros(type, 1, channels, height, width));
        this.condition = borderPlanes == 0 ? Optional.empty() : Optional.of(new ConditionConv(prefix, borderPlanes, 2 * channels, type));
    }

    /** {@code [N]} log-density of {@code z} given the border planes; remembers what backward needs. */
    public INDArray logDensity(INDArray z, INDArray border) {
        INDArray[] meanAndLogsd = withContext(meanAndLogsd(z.size(0), border), z);
        gaussian = new Gaussian(z, meanAndLogsd[0], meanAndLogsd[1]);
        return gaussian.logDensity();
    }

    /** Stores the parameter gradients and returns dLoss/dz. */
    public INDArray backward(double logDensityWeight) {
        INDArray gradMean = gaussian.gradMean(logDensityWeight);
        INDArray gradLogsd = gaussian.gradLogsd(logDensityWeight);
        mean.gradient().assign(gradMean.sum(true, 0));
        logsd.gradient().assign(gradLogsd.sum(true, 0));
        INDArray gradParameters = Tensors.concatChannels(gradMean, gradLogsd);
        condition.ifPresent(c -> c.backward(gradParameters));
        INDArray gradZ = gaussian.gradZ(logDensityWeight);
        context.ifPresent(c -> gradZ.addi(c.backward(gradParameters)));
        return gradZ;
    }

    /** {@code mean + temperature * sd * eps}, given the border planes; with contexts, phase by phase, each given the ones before it. */
    public INDArray sample(INDArray eps, double temperature, INDArray border) {
        INDArray[] meanAndLogsd = meanAndLogsd(eps.size(0), border);
        INDArray z = Gaussian.sample(meanAndLogsd[0], meanAndLogsd[1], eps, temperature);
        for (int round = 0; round < context.map(PriorContext::samplingRounds).orElse(0); round++) {
            INDArray[] given = withContext(meanAndLogsd, z);
            z = Gaussian.sample(given[0], given[1], eps, temperature);
        }
        return z;
    }

    /** The mean and log standard deviation with the context of {@code z} added, where there is a context. */
    private INDArray[] withContext(INDArray[] meanAndLogsd, INDArray z) {
        if (context.isEmpty()) {
            return meanAndLogsd;
        }
        long channels = z.size(1);
        INDArray parameters = context.get().addTo(Tensors.concatChannels(meanAndLogsd[0], meanAndLogsd[1]), z, 0);
        return new INDArray[] {Tensors.channels(parameters, 0, channels), Tensors.channels(parameters, channels, 2 * channels)};
    }

    /** The mean and log standard deviation of each of {@code batch} latents, given their border planes. */
    private INDArray[] meanAndLogsd(long batch, INDArray border) {
        INDArray batchMean = mean.value().repeat(0, batch);
        INDArray batchLogsd = logsd.value().repeat(0, batch);
        condition.ifPresent(c -> {
            INDArray addend = c.forward(border);
            long channels = batchMean.size(1);
            batchMean.addi(Tensors.channels(addend, 0, channels));
            batchLogsd.addi(Tensors.channels(addend, channels, 2 * channels));
        });
        return new INDArray[] {batchMean, batchLogsd};
    }

    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(parameters.list());
        condition.ifPresent(c -> all.addAll(c.parameters()));
        context.ifPresent(c -> all.addAll(c.parameters()));
        return all;
    }
}
