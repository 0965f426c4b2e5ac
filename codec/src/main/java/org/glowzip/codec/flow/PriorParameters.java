package org.glowzip.codec.flow;

import org.glowzip.codec.nn.FeatureMap;

/**
 * The means and log standard deviations of a prior's latent, one plane per channel, in the float
 * model's units: what a network's output gives in its first and second halves of channels.
 */
record PriorParameters(float[][] mean, float[][] logsd) {
    /** The parameters a network gives as {@code h}: the means in its first half of channels, the log standard deviations in its second. */
    static PriorParameters of(FeatureMap h) {
        int width = h.channels() / 2;
        float[][] mean = new float[width][];
        float[][] logsd = new float[width][];
        for (int c = 0; c < width; c++) {
            mean[c] = h.plane(c);
            logsd[c] = h.plane(width + c);
        }
        return new PriorParameters(mean, logsd);
    }

    /** These parameters with {@code h}'s first half of channels added to the means and its second half to the log standard deviations. */
    PriorParameters plus(FeatureMap h) {
        int width = mean.length;
        float[][] sumMean = new float[width][];
        float[][] sumLogsd = new float[width][];
        for (int c = 0; c < width; c++) {
            sumMean[c] = sum(mean[c], h.plane(c));
            sumLogsd[c] = sum(logsd[c], h.plane(width + c));
        }
        return new PriorParameters(sumMean, sumLogsd);
    }

    private static float[] sum(float[] a, float[] b) {
        float[] sum = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }
}
