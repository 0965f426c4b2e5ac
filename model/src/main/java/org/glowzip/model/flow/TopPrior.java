package org.glowzip.model.flow;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The learned prior on the latent of the last level: a diagonal Gaussian with its own mean and
 * log standard deviation for every channel and position ({@code [1, C, H, W]}), both starting at
 * zero (a standard normal).
 */
public final class TopPrior {
    private final ParameterList parameters;
    private final Parameter mean;
    private final Parameter logsd;
    private Gaussian gaussian;

    public TopPrior(String prefix, int channels, int height, int width, DataType type) {
        this.parameters = new ParameterList(prefix);
        this.mean = parameters.trainable("mean", Nd4j.zeros(type, 1, channels, height, width));
        this.logsd = parameters.trainable("logsd", Nd4j.zeros(type, 1, channels, height, width));
    }

    private INDArray broadcast(INDArray parameter, long batch) {
        return parameter.repeat(0, batch);
    }

    /** {@code [N]} log-density of {@code z}; remembers what backward needs. */
    public INDArray logDensity(INDArray z) {
        long batch = z.size(0);
        gaussian = new Gaussian(z, broadcast(mean.value(), batch), broadcast(logsd.value(), batch));
        return gaussian.logDensity();
    }

    /** Stores the parameter gradients and returns dLoss/dz. */
    public INDArray backward(double logDensityWeight) {
        mean.gradient().assign(gaussian.gradMean(logDensityWeight).sum(true, 0));
        logsd.gradient().assign(gaussian.gradLogsd(logDensityWeight).sum(true, 0));
        return gaussian.gradZ(logDensityWeight);
    }

    /** {@code mean + temperature * sd * eps}. */
    public INDArray sample(INDArray eps, double temperature) {
        long batch = eps.size(0);
        return Gaussian.sample(broadcast(mean.value(), batch), broadcast(logsd.value(), batch), eps, temperature);
    }

    /** {@code (z - mean) / sd}. */
    public INDArray standardize(INDArray z) {
        long batch = z.size(0);
        return z.sub(broadcast(mean.value(), batch)).divi(Transforms.exp(broadcast(logsd.value(), batch), false));
    }

    public List<Parameter> parameters() {
        return parameters.list();
    }
}
