package org.glowzip.codec.flow;

import org.glowzip.codec.modelfile.GlowLayout;

/**
 * The monotone curve of a mixture coupling at one element, in doubles with {@code StrictMath}:
 * {@code L(z) = logit(F(z))}, {@code F(z) = sum_k pi_k sigmoid((z - m_k) e^-l_k)},
 * {@code pi = softmax(w)}, each log-scale {@code l_k} clamped below at
 * {@link GlowLayout#MIXTURE_MIN_LOG_SCALE}. Computed as {@code log F - log(1 - F)}, each a
 * log-sum-exp of {@code log pi_k + log sigmoid(+-u_k)}, so that no step overflows.
 */
final class MixtureCurve {
    private final double[] logWeights;
    private final double[] means;
    private final double[] inverseScales;

    /** The curve of weight logits {@code w}, means {@code m} and log-scales {@code l}, one per component. */
    MixtureCurve(double[] logits, double[] means, double[] logScales) {
        this.means = means.clone();
        this.inverseScales = new double[logScales.length];
        for (int k = 0; k < logScales.length; k++) {
            inverseScales[k] = StrictMath.exp(-Math.max(logScales[k], GlowLayout.MIXTURE_MIN_LOG_SCALE));
        }
        double normalizer = logSumExp(logits);
        this.logWeights = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            logWeights[k] = logits[k] - normalizer;
        }
    }

    /** Whether every parameter is a finite number; a curve that is not codes nothing. */
    boolean finite() {
        for (int k = 0; k < means.length; k++) {
            if (!Double.isFinite(logWeights[k]) || !Double.isFinite(means[k]) || !Double.isFinite(inverseScales[k])) {
                return false;
            }
        }
        return true;
    }

    /** {@code L(z)}. */
    double at(double z) {
        double[] below = new double[means.length];
        double[] above = new double[means.length];
        for (int k = 0; k < means.length; k++) {
            double u = (z - means[k]) * inverseScales[k];
            double logSigmoid = -softPlus(-u);
            below[k] = logWeights[k] + logSigmoid;
            above[k] = logWeights[k] + logSigmoid - u;
        }
        return logSumExp(below) - logSumExp(above);
    }

    /**
     * Bounds {@code {low, high}} of {@code L^-1(level)}: {@code F} is a mixture of the components'
     * CDFs, so it reaches {@code sigmoid(level)} between the points where the first and the last of
     * them do, {@code m_k + level e^l_k}. Arithmetic only.
     */
    double[] inverseBounds(double level) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < means.length; k++) {
            double z = means[k] + level / inverseScales[k];
            low = Math.min(low, z);
            high = Math.max(high, z);
        }
        return new double[] {low, high};
    }

    /** {@code log(1 + e^x)} without overflow. */
    private static double softPlus(double x) {
        return Math.max(x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
    }

    private static double logSumExp(double[] terms) {
        double max = Double.NEGATIVE_INFINITY;
        for (double term : terms) {
            max = Math.max(max, term);
        }
        double sum = 0;
        for (double term : terms) {
            sum += StrictMath.exp(term - max);
        }
        return max + StrictMath.log(sum);
    }
}
