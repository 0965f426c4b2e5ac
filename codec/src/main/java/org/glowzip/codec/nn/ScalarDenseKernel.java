package org.glowzip.codec.nn;

import java.util.Arrays;

/**
 * {@link DenseKernel#SCALAR}: for each panel, four rows at a time, a SAXPY of each weight row of
 * the panel into the four output rows, inputs in ascending order, so that each weight is read once
 * per four rows; then the bias and the ReLU. C2 keeps the multiply and the add separate, so the bits
 * do not depend on whether it vectorizes the loops.
 */
final class ScalarDenseKernel {
    private static final int ROWS = 4;

    private ScalarDenseKernel() {
    }

    /** The outputs from {@code o0} (a multiple of {@link DenseKernel#PANEL}) on. */
    static void multiply(float[] in, int rows, int inputs, float[] panels, float[] bias, boolean relu, float[] out, int o0) {
        int outputs = bias.length;
        for (int p = o0; p < outputs; p += DenseKernel.PANEL) {
            int width = Math.min(DenseKernel.PANEL, outputs - p);
            int r = 0;
            for (; r + ROWS <= rows; r += ROWS) {
                fourRows(in, r, inputs, panels, p, width, outputs, out);
            }
            for (; r < rows; r++) {
                oneRow(in, r, inputs, panels, p, width, outputs, out);
            }
            for (r = 0; r < rows; r++) {
                for (int o = r * outputs + p, j = 0; j < width; o++, j++) {
                    float value = out[o] + bias[p + j];
                    out[o] = relu && value < 0f ? 0f : value;
                }
            }
        }
    }

    private static void fourRows(float[] in, int r, int inputs, float[] panels, int p, int width, int outputs, float[] out) {
        int y0 = r * outputs + p;
        int y1 = y0 + outputs;
        int y2 = y1 + outputs;
        int y3 = y2 + outputs;
        Arrays.fill(out, y0, y0 + width, 0f);
        Arrays.fill(out, y1, y1 + width, 0f);
        Arrays.fill(out, y2, y2 + width, 0f);
        Arrays.fill(out, y3, y3 + width, 0f);
        int x0 = r * inputs;
        for (int i = 0, w = p * inputs; i < inputs; i++, w += width) {
            float a0 = in[x0 + i];
            float a1 = in[x0 + inputs + i];
            float a2 = in[x0 + 2 * inputs + i];
            float a3 = in[x0 + 3 * inputs + i];
            for (int j = 0; j < width; j++) {
                float weight = panels[w + j];
                out[y0 + j] += weight * a0;
                out[y1 + j] += weight * a1;
                out[y2 + j] += weight * a2;
                out[y3 + j] += weight * a3;
            }
        }
    }

    private static void oneRow(float[] in, int r, int inputs, float[] panels, int p, int width, int outputs, float[] out) {
        int y = r * outputs + p;
        Arrays.fill(out, y, y + width, 0f);
        int x = r * inputs;
        for (int i = 0, w = p * inputs; i < inputs; i++, w += width) {
            float a = in[x + i];
            for (int j = 0; j < width; j++) {
                out[y + j] += panels[w + j] * a;
            }
        }
    }
}
