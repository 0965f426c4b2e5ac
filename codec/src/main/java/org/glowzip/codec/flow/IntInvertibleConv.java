package org.glowzip.codec.flow;

import org.glowzip.codec.ans.Message;
import org.glowzip.codec.nn.FeatureMap;

/**
 * The invertible 1x1 convolution {@code y = W x} at every pixel, with
 * {@code W = P L (U + diag(sign * exp(logs)))} as Glow trains it, applied factor by factor:
 * <ol>
 * <li>{@code v_i = sign_i * exp(logs_i) * x_i + sum_{j>i} U_ij x_j}, for i ascending: the
 *     diagonal changes channel i's {@link Frame} (its unit grows by {@code exp(logs_i)}), so
 *     only the sign touches the integer, and the sum is added rounded: later channels are still
 *     the inputs;</li>
 * <li>{@code l_i = v_i + sum_{j<i} L_ij v_j}, for i descending, added rounded: earlier channels
 *     are still the inputs;</li>
 * <li>{@code y_perm[i] = l_i}.</li>
 * </ol>
 * The coefficients are in units of the channel being updated, and every sum runs over {@code j}
 * ascending in {@code double}, so it is the same everywhere. Nothing touches the message.
 */
final class IntInvertibleConv implements IntStep {
    private final int channels;
    private final int[] permutation;
    private final boolean[] negative;
    private final double[][] lower;
    private final double[][] upper;
    private final Frame output;

    /**
     * Arguments as stored in a model file: {@code perm[i]} the row of P's 1 in column i, C x C
     * matrices row-major; {@code input} the frame of the values it is applied to.
     */
    IntInvertibleConv(float[] perm, float[] sign, float[] lowerMatrix, float[] upperMatrix, float[] logs, Frame input) {
        channels = logs.length;
        if (input.channels() != channels) {
            throw new IllegalArgumentException("1x1 convolution of " + channels + " channels applied to " + input.channels());
        }
        permutation = new int[channels];
        negative = new boolean[channels];
        boolean[] seen = new boolean[channels];
        for (int i = 0; i < channels; i++) {
            int p = (int) perm[i];
            if (p != perm[i] || p < 0 || p >= channels || seen[p]) {
                throw new IllegalArgumentException("1x1 convolution permutation is not a permutation of 0.." + (channels - 1));
            }
            seen[p] = true;
            permutation[i] = p;
            negative[i] = sign[i] < 0;
        }
        double[] unit = new double[channels];
        double[] offset = new double[channels];
        for (int i = 0; i < channels; i++) {
            double scale = StrictMath.exp(logs[i]);
            unit[i] = input.unit(i) * scale;
            offset[i] = (negative[i] ? -scale : scale) * input.offset(i);
        }
        upper = new double[channels][channels];
        lower = new double[channels][channels];
        for (int i = 0; i < channels; i++) {
            for (int j = i + 1; j < channels; j++) {
                upper[i][j] = upperMatrix[i * channels + j] * input.unit(j) / unit[i];
                offset[i] += upperMatrix[i * channels + j] * input.offset(j);
            }
        }
        double[] mixedOffset = offset.clone();
        for (int i = 0; i < channels; i++) {
            for (int j = 0; j < i; j++) {
                lower[i][j] = lowerMatrix[i * channels + j] * unit[j] / unit[i];
                mixedOffset[i] += lowerMatrix[i * channels + j] * offset[j];
            }
        }
        double[] outUnit = new double[channels];
        double[] outOffset = new double[channels];
        for (int i = 0; i < channels; i++) {
            outUnit[permutation[i]] = unit[i];
            outOffset[permutation[i]] = mixedOffset[i];
        }
        output = new Frame(outUnit, outOffset);
    }

    /** The frame of the output values. */
    Frame output() {
        return output;
    }

    @Override
    public void forward(Message message, LatentMap x, FeatureMap border) {
        long[] v = new long[channels];
        long[][] planes = planes(x);
        int pixels = planes[0].length;
        for (int p = 0; p < pixels; p++) {
            for (int i = 0; i < channels; i++) {
                v[i] = planes[i][p];
            }
            for (int i = 0; i < channels; i++) {
                v[i] = Math.addExact(negative[i] ? -v[i] : v[i], Math.round(dot(upper[i], v, i + 1, channels)));
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
    public void inverse(Message message, LatentMap y, FeatureMap border) {
        long[] v = new long[channels];
        long[][] planes = planes(y);
        for (int p = 0; p < planes[0].length; p++) {
            for (int i = 0; i < channels; i++) {
                v[i] = planes[permutation[i]][p];
            }
            for (int i = 0; i < channels; i++) {
                v[i] -= Math.round(dot(lower[i], v, 0, i));
            }
            for (int i = channels - 1; i >= 0; i--) {
                long signed = v[i] - Math.round(dot(upper[i], v, i + 1, channels));
                v[i] = negative[i] ? -signed : signed;
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
