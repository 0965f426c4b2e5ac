package org.glowzip.codec.flow;

import java.util.function.IntPredicate;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.ans.QuantizedDistribution;
import org.glowzip.codec.ans.Shape;

/**
 * Codes a latent map under a diagonal Gaussian with a mean and a log standard deviation per
 * element, in float-model units: the integer {@code X} of channel {@code c} is the bin
 * {@code unit[c]} wide centred on {@code X * unit[c] + offset[c]} (its {@link Frame}). The
 * elements at the positions a predicate selects are pushed in ascending (channel, position) order
 * and popped in the reverse.
 */
final class GaussianPrior {
    private static final double MAX_MAGNITUDE = 1e15;

    private final QuantizedDistribution gaussian;

    GaussianPrior(int precision) {
        this.gaussian = new QuantizedDistribution(Shape.GAUSSIAN, precision);
    }

    /**
     * @throws ArithmeticException if a value lies outside the {@code int} range the codec covers
     */
    void push(Message message, LatentMap z, Frame frame, PriorParameters parameters, IntPredicate coded) {
        float[][] mean = parameters.mean();
        float[][] logsd = parameters.logsd();
        for (int c = 0; c < z.channels(); c++) {
            long[] plane = z.plane(c);
            for (int i = 0; i < plane.length; i++) {
                if (coded.test(i)) {
                    gaussian.push(message, Math.toIntExact(plane[i]), mean(frame, c, mean[c][i]), scale(frame, c, logsd[c][i]));
                }
            }
        }
    }

    /** Pops into {@code z} the elements at the positions {@code coded} selects. */
    void pop(Message message, LatentMap z, Frame frame, PriorParameters parameters, IntPredicate coded) {
        float[][] mean = parameters.mean();
        float[][] logsd = parameters.logsd();
        for (int c = z.channels() - 1; c >= 0; c--) {
            long[] plane = z.plane(c);
            for (int i = plane.length - 1; i >= 0; i--) {
                if (coded.test(i)) {
                    plane[i] = gaussian.pop(message, mean(frame, c, mean[c][i]), scale(frame, c, logsd[c][i]));
                }
            }
        }
    }

    /** The mean in channel {@code c}'s units; whatever the network gave, a finite number (NaN becomes 0). */
    private static double mean(Frame frame, int c, float mean) {
        double value = (mean - frame.offset(c)) / frame.unit(c);
        return Double.isNaN(value) ? 0 : Math.max(-MAX_MAGNITUDE, Math.min(MAX_MAGNITUDE, value));
    }

    /** The standard deviation in channel {@code c}'s units, clamped to {@code [10^-3, 10^15]} (NaN becomes 1). */
    private static double scale(Frame frame, int c, float logsd) {
        double value = StrictMath.exp(logsd) / frame.unit(c);
        return Double.isNaN(value) ? 1 : Math.max(1e-3, Math.min(MAX_MAGNITUDE, value));
    }
}
