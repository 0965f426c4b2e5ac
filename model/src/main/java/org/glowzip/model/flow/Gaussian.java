package org.glowzip.model.flow;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Diagonal Gaussian log-density in nats, {@code log N(z; mean, exp(logsd)^2)} summed per sample,
 * and its gradients. All arrays have the same shape {@code [N, ...]}.
 */
final class Gaussian {
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final INDArray difference;
    private final INDArray inverseVariance;
    private final INDArray logsd;

    /** Remembers {@code z - mean} and {@code exp(-2 logsd)} for the gradients. */
    Gaussian(INDArray z, INDArray mean, INDArray logsd) {
        this.difference = z.sub(mean);
        this.inverseVariance = Transforms.exp(logsd.mul(-2.0), false);
        this.logsd = logsd;
    }

    /** {@code [N]}: sum over all but the batch axis of the log-density. */
    INDArray logDensity() {
        INDArray terms = difference.mul(difference).muli(inverseVariance).muli(-0.5).subi(logsd).subi(HALF_LOG_TWO_PI);
        return Tensors.sumPerSample(terms);
    }

    /** {@code weight * d logDensity / dz}. */
    INDArray gradZ(double weight) {
        return difference.mul(inverseVariance).muli(-weight);
    }

    /** {@code weight * d logDensity / d mean}. */
    INDArray gradMean(double weight) {
        return difference.mul(inverseVariance).muli(weight);
    }

    /** {@code weight * d logDensity / d logsd}. */
    INDArray gradLogsd(double weight) {
        return difference.mul(difference).muli(inverseVariance).subi(1.0).muli(weight);
    }

    /** A sample {@code mean + temperature * exp(logsd) * eps} for standard normal {@code eps}. */
    static INDArray sample(INDArray mean, INDArray logsd, INDArray eps, double temperature) {
        return Transforms.exp(logsd, true).muli(eps).muli(temperature).addi(mean);
    }
}
