package org.glowzip.codec.flow;

import org.glowzip.codec.ans.Message;

/**
 * The invertible 1x1 convolution {@code y = W x} at every pixel, with
 * {@code W = P L (U + diag(sign * exp(logs)))} as Glow trains it, applied factor by factor:
 * <ol>
 * <li>{@code u_i = sign_i * (x_i scaled by exp(logs_i)) + round(sum_{j>i} U_ij x_j)}, for i
 *     ascending, the scale a modular scale: later channels are still the inputs;</li>
 * <li>{@code l_i = u_i + round(sum_{j<i} L_ij u_j)}, for i descending: earlier channels are
 *     still the inputs;</li>
 * <li>{@code y_perm[i] = l_i}.</li>
 * </ol>
 * Every sum runs over {@code j} ascending in {@code double}, so it is the same everywhere.
 */
final class IntInvertibleConv implements IntStep {
    private final int channels;
    private final int[] permutation;
    private final boolean[] negative;
    private final int[] numerator;
    private final int denominator;
    private final double[][] lower;
    private final double[][] upper;

    /** Arguments as stored in a model file: {@code perm[i]} the row of P's 1 in column i, C x C matrices row-major. */
    IntInvertibleConv(float[] perm, float[] sign, float[] lowerMatrix, float[] upperMatrix, float[] logs,
            CodingParameters parameters) {
        channels = logs.length;
        permutation = new int[channels];
        negative = new boolean[channels];
        numerator = new int[channels];
        lower = new double[channels][channels];
        upper = new double[channels][channels];
        boolean[] seen = new boolean[channels];
        for (int i = 0; i < channels; i++) {
            int p = (int) perm[i];
            if (p != perm[i] || p < 0 || p >= channels || seen[p]) {
                throw new IllegalArgumentException("1x1 convolution permutation is not a permutation of 0.." + (channels - 1));
            }
            seen[p] = true;
            permutation[i] = p;
            negative[i] = sign[i] < 0;
            numerator[i] = parameters.scaleNumerator(StrictMath.exp(logs[i]));
            for (int j = 0; j < channels; j++) {
                lower[i][j] = j < i ? lowerMatrix[i * channels + j] : 0;
                upper[i][j] = j > i ? upperMatrix[i * channels + j] : 0;
            }
        }
        denominator = parameters.scaleDenominator();
    }

    @Override
    public void forward(Message message, LatentMap x) {
        long[] v = new long[channels];
        long[][] planes = planes(x);
        int pixels = planes[0].length;
        for (int p = 0; p < pixels; p++) {
            for (int i = 0; i < channels; i++) {
                v[i] = planes[i][p];
            }
            for (int i = 0; i < channels; i++) {
                long scaled = ModularScale.forward(message, v[i], numerator[i], denominator);
                v[i] = Math.addExact(negative[i] ? -scaled : scaled, Math.round(dot(upper[i], v, i + 1, channels)));
            }
            for (int i = channels - 1; i >= 0; i--) {
                v[i] = Math.addExact(v[i], Math.round(dot(lower[i], v, 0, i)));
            }
            for (int i = 0; i < channels; i++) {
                planes[permutation[i]][p] = v[i];
            }
        }
    }

    @Override
    public void inverse(Message message, LatentMap y) {
        long[] v = new long[channels];
        long[][] planes = planes(y);
        for (int p = planes[0].length - 1; p >= 0; p--) {
            for (int i = 0; i < channels; i++) {
                v[i] = planes[permutation[i]][p];
            }
            for (int i = 0; i < channels; i++) {
                v[i] -= Math.round(dot(lower[i], v, 0, i));
            }
            for (int i = channels - 1; i >= 0; i--) {
                long scaled = v[i] - Math.round(dot(upper[i], v, i + 1, channels));
                v[i] = ModularScale.inverse(message, negative[i] ? -scaled : scaled, numerator[i], denominator);
            }
            for (int i = 0; i < channels; i++) {
                planes[i][p] = v[i];
            }
        }
    }

    private long[][] planes(LatentMap map) {
        if (map.channels() != channels) {
            throw new IllegalArgumentException("1x1 convolution of " + channels + " channels applied to " + map.channels());
        }
        long[][] planes = new long[channels][];
        for (int c = 0; c < channels; c++) {
            planes[c] = map.plane(c);
        }
        return planes;
    }

    private static double dot(double[] row, long[] v, int from, int to) {
        double sum = 0;
        for (int j = from; j < to; j++) {
            sum += row[j] * v[j];
        }
        return sum;
    }
}
