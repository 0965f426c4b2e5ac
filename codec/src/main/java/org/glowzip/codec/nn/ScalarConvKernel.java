package org.glowzip.codec.nn;

import java.util.Arrays;

/**
 * {@link ConvKernel#SCALAR}: for each output row a SAXPY over the columns in ascending order,
 * four rows at a time so that each column is read once per four rows. The loops run over whole
 * row arrays with zero offsets, the form C2's superword pass vectorizes, and C2 keeps the
 * multiply and the add separate, so the bits do not depend on whether it does.
 */
final class ScalarConvKernel {
    private static final int ROWS = 4;

    private ScalarConvKernel() {
    }

    static void accumulate(float[][] columns, float[][] weights, float[] bias, FeatureMap output, int from, int to, int p0, int p1) {
        int o = from;
        for (; o + ROWS <= to; o += ROWS) {
            fourRows(columns, weights, bias, output, o, p0, p1);
        }
        for (; o < to; o++) {
            oneRow(columns, weights[o], bias[o], output.plane(o), p0, p1);
        }
    }

    private static void fourRows(float[][] columns, float[][] weights, float[] bias, FeatureMap output, int o, int p0, int p1) {
        float[] r0 = output.plane(o);
        float[] r1 = output.plane(o + 1);
        float[] r2 = output.plane(o + 2);
        float[] r3 = output.plane(o + 3);
        Arrays.fill(r0, p0, p1, bias[o]);
        Arrays.fill(r1, p0, p1, bias[o + 1]);
        Arrays.fill(r2, p0, p1, bias[o + 2]);
        Arrays.fill(r3, p0, p1, bias[o + 3]);
        float[] w0 = weights[o];
        float[] w1 = weights[o + 1];
        float[] w2 = weights[o + 2];
        float[] w3 = weights[o + 3];
        for (int k = 0; k < columns.length; k++) {
            float[] column = columns[k];
            float a0 = w0[k];
            float a1 = w1[k];
            float a2 = w2[k];
            float a3 = w3[k];
            for (int p = p0; p < p1; p++) {
                float c = column[p];
                r0[p] += a0 * c;
                r1[p] += a1 * c;
                r2[p] += a2 * c;
                r3[p] += a3 * c;
            }
        }
    }

    private static void oneRow(float[][] columns, float[] w, float bias, float[] row, int p0, int p1) {
        Arrays.fill(row, p0, p1, bias);
        for (int k = 0; k < columns.length; k++) {
            float[] column = columns[k];
            float a = w[k];
            for (int p = p0; p < p1; p++) {
                row[p] += a * column[p];
            }
        }
    }
}
