package org.glowzip.codec.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseKernel#VECTOR}: tiles of {@link #ROWS} rows by two vectors of outputs, whose
 * accumulators stay in registers while the tile runs through all the inputs of its panel and are
 * then stored; the bias and the ReLU follow over the block's rows while they are in the L1 cache
 * (in a loop of their own: no vector crosses a call, which C2 would have to box when the tile's
 * code grows past its inlining budget). Each lane computes {@code sum + w[i] * in[i]} as {@code mul}
 * then {@code add}, like the scalar kernel, never {@code fma}, starting from +0, so every output
 * receives its terms in ascending {@code i} and the same bits. The rows go in blocks of
 * {@link #ROW_BLOCK}: a block's inputs stay in the L2 cache while the panels pass over them, and a
 * panel stays in L1 while it serves the block's tiles. Rows past the whole tiles go to one-row
 * tiles, and a last panel narrower than {@link DenseKernel#PANEL} to {@link ScalarDenseKernel}:
 * the same bits either way.
 *
 * <p>Vectors have at most 8 lanes (256 bits) so that a panel holds whole pairs of them.
 * Only loaded when {@code jdk.incubator.vector} is in the boot layer; see {@link DenseKernel#preferred()}.
 */
final class VectorDenseKernel {
    private static final VectorSpecies<Float> SPECIES = KernelSpecies.FLOAT;
    private static final int LANES = SPECIES.length();
    private static final int ROWS = 4;
    private static final int ROW_BLOCK = 64;

    private VectorDenseKernel() {
    }

    static void multiply(float[] in, int rows, int inputs, float[] panels, float[] bias, boolean relu, float[] out) {
        int outputs = bias.length;
        int wholePanels = outputs / DenseKernel.PANEL * DenseKernel.PANEL;
        for (int r0 = 0; r0 < rows; r0 += ROW_BLOCK) {
            int r1 = Math.min(rows, r0 + ROW_BLOCK);
            int tileEnd = r0 + (r1 - r0) / ROWS * ROWS;
            for (int p = 0; p < wholePanels; p += DenseKernel.PANEL) {
                for (int o = p; o < p + DenseKernel.PANEL; o += 2 * LANES) {
                    int r = r0;
                    for (; r < tileEnd; r += ROWS) {
                        fourRows(in, r, inputs, panels, p, o, outputs, out);
                    }
                    for (; r < r1; r++) {
                        oneRow(in, r, inputs, panels, p, o, outputs, out);
                    }
                    finish(r0, r1, o, bias, relu, outputs, out);
                }
            }
        }
        if (wholePanels < outputs) {
            ScalarDenseKernel.multiply(in, rows, inputs, panels, bias, relu, out, wholePanels);
        }
    }

    /** Rows {@code r..r+3}, outputs {@code o..o+2*LANES-1} of the panel at output {@code p}. */
    private static void fourRows(float[] in, int r, int inputs, float[] panels, int p, int o, int outputs, float[] out) {
        FloatVector a00 = FloatVector.zero(SPECIES);
        FloatVector a01 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a30 = a00;
        FloatVector a31 = a00;
        int x0 = r * inputs;
        int x1 = x0 + inputs;
        int x2 = x1 + inputs;
        int x3 = x2 + inputs;
        for (int i = 0, w = p * inputs + o - p; i < inputs; i++, w += DenseKernel.PANEL) {
            FloatVector w0 = FloatVector.fromArray(SPECIES, panels, w);
            FloatVector w1 = FloatVector.fromArray(SPECIES, panels, w + LANES);
            FloatVector x = FloatVector.broadcast(SPECIES, in[x0 + i]);
            a00 = a00.add(w0.mul(x));
            a01 = a01.add(w1.mul(x));
            x = FloatVector.broadcast(SPECIES, in[x1 + i]);
            a10 = a10.add(w0.mul(x));
            a11 = a11.add(w1.mul(x));
            x = FloatVector.broadcast(SPECIES, in[x2 + i]);
            a20 = a20.add(w0.mul(x));
            a21 = a21.add(w1.mul(x));
            x = FloatVector.broadcast(SPECIES, in[x3 + i]);
            a30 = a30.add(w0.mul(x));
            a31 = a31.add(w1.mul(x));
        }
        int y = r * outputs + o;
        a00.intoArray(out, y);
        a01.intoArray(out, y + LANES);
        y += outputs;
        a10.intoArray(out, y);
        a11.intoArray(out, y + LANES);
        y += outputs;
        a20.intoArray(out, y);
        a21.intoArray(out, y + LANES);
        y += outputs;
        a30.intoArray(out, y);
        a31.intoArray(out, y + LANES);
    }

    private static void oneRow(float[] in, int r, int inputs, float[] panels, int p, int o, int outputs, float[] out) {
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = a0;
        int x0 = r * inputs;
        for (int i = 0, w = p * inputs + o - p; i < inputs; i++, w += DenseKernel.PANEL) {
            FloatVector x = FloatVector.broadcast(SPECIES, in[x0 + i]);
            a0 = a0.add(FloatVector.fromArray(SPECIES, panels, w).mul(x));
            a1 = a1.add(FloatVector.fromArray(SPECIES, panels, w + LANES).mul(x));
        }
        a0.intoArray(out, r * outputs + o);
        a1.intoArray(out, r * outputs + o + LANES);
    }

    /**
     * Rows {@code r0..r1-1}, outputs {@code o..o+2*LANES-1}: the sum plus the bias, and with a ReLU
     * 0 where that is below 0 (a compare and a blend: -0 and NaN pass, as in the scalar kernel).
     */
    private static void finish(int r0, int r1, int o, float[] bias, boolean relu, int outputs, float[] out) {
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int v = o; v < o + 2 * LANES; v += LANES) {
            FloatVector b = FloatVector.fromArray(SPECIES, bias, v);
            for (int y = r0 * outputs + v; y < r1 * outputs; y += outputs) {
                FloatVector value = FloatVector.fromArray(SPECIES, out, y).add(b);
                if (relu) {
                    value = value.blend(zero, value.compare(VectorOperators.LT, zero));
                }
                value.intoArray(out, y);
            }
        }
    }
}
