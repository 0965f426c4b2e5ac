package org.glowzip.codec.flow;

import org.glowzip.codec.ans.Message;
import org.glowzip.codec.ans.QuantizedDistribution;
import org.glowzip.codec.ans.Shape;

/**
 * Codes a latent map under a diagonal Gaussian with a mean and a log standard deviation per
 * element, in float-model units, over bins one fixed-point unit wide. Elements are pushed in
 * ascending (channel, position) order and popped in the reverse.
 */
final class GaussianPrior {
    private static final double MAX_MAGNITUDE = 1e15;

    private final QuantizedDistribution gaussian;
    private final CodingParameters parameters;

    GaussianPrior(CodingParameters parameters) {
        this.gaussian = new QuantizedDistribution(Shape.GAUSSIAN, parameters.priorPrecision());
        this.parameters = parameters;
    }

    /**
     * @throws ArithmeticException if a value lies outside the {@code int} range the codec covers
     */
    void push(Message message, LatentMap z, float[][] mean, float[][] logsd) {
        for (int c = 0; c < z.channels(); c++) {
            long[] plane = z.plane(c);
            for (int i = 0; i < plane.length; i++) {
                gaussian.push(message, Math.toIntExact(plane[i]), mean(mean[c][i]), scale(logsd[c][i]));
            }
        }
    }

    void pop(Message message, LatentMap z, float[][] mean, float[][] logsd) {
        for (int c = z.channels() - 1; c >= 0; c--) {
            long[] plane = z.plane(c);
            for (int i = plane.length - 1; i >= 0; i--) {
                plane[i] = gaussian.pop(message, mean(mean[c][i]), scale(logsd[c][i]));
            }
        }
    }

    /** The mean in fixed-point units; whatever the network gave, a finite number (NaN becomes 0). */
    private double mean(float mean) {
        double value = mean * parameters.one();
        return Double.isNaN(value) ? 0 : Math.max(-MAX_MAGNITUDE, Math.min(MAX_MAGNITUDE, value));
    }

    /** The standard deviation in fixed-point units, clamped to {@code [10^-3, 10^15]} (NaN becomes 1). */
    private double scale(float logsd) {
        double value = StrictMath.exp(logsd) * parameters.one();
        return Double.isNaN(value) ? 1 : Math.max(1e-3, Math.min(MAX_MAGNITUDE, value));
    }
}
