package org.glowzip.codec.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseKernel#VECTOR}: tiles of {@link #ROWS} rows by two vectors of outputs, whose
 * accumulators stay in registers while the tile runs through all the inputs of its panel; then the
 * bias and the ReLU, and one store. Each lane computes {@code sum + w[i] * in[i]} as {@code mul}
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
    private static final VectorSpecies<Float> SPECIES =
            FloatVector.SPECIES_PREFERRED.length() >= 8 ? FloatVector.SPECIES_256 : FloatVector.SPECIES_PREFERRED;
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
                        fourRows(in, r, inputs, panels, p, o, bias, relu, outputs, out);
                    }
                    for (; r < r1; r++) {
                        oneRow(in, r, inputs, panels, p, o, bias, relu, outputs, out);
                    }
                }
            }
        }
        if (wholePanels < outputs) {
            ScalarDenseKernel.multiply(in, rows, inputs, panels, bias, relu, out, wholePanels);
        }
    }

    /** Rows {@code r..r+3}, outputs {@code o..o+2*LANES-1} of the panel at output {@code p}. */
    private static void fourRows(float[] in, int r, int inputs, float[] panels, int p, int o, float[] bias, boolean relu,
            int outputs, float[] out) {
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
        FloatVector b0 = FloatVector.fromArray(SPECIES, bias, o);
        FloatVector b1 = FloatVector.fromArray(SPECIES, bias, o + LANES);
        int y = r * outputs + o;
        store(a00, b0, relu, out, y);
        store(a01, b1, relu, out, y + LANES);
        y += outputs;
        store(a10, b0, relu, out, y);
        store(a11, b1, relu, out, y + LANES);
        y += outputs;
        store(a20, b0, relu, out, y);
        store(a21, b1, relu, out, y + LANES);
        y += outputs;
        store(a30, b0, relu, out, y);
        store(a31, b1, relu, out, y + LANES);
    }

    private static void oneRow(float[] in, int r, int inputs, float[] panels, int p, int o, float[] bias, boolean relu,
            int outputs, float[] out) {
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = a0;
        int x0 = r * inputs;
        for (int i = 0, w = p * inputs + o - p; i < inputs; i++, w += DenseKernel.PANEL) {
            FloatVector x = FloatVector.broadcast(SPECIES, in[x0 + i]);
            a0 = a0.add(FloatVector.fromArray(SPECIES, panels, w).mul(x));
            a1 = a1.add(FloatVector.fromArray(SPECIES, panels, w + LANES).mul(x));
        }
        int y = r * outputs + o;
        store(a0, FloatVector.fromArray(SPECIES, bias, o), relu, out, y);
        store(a1, FloatVector.fromArray(SPECIES, bias, o + LANES), relu, out, y + LANES);
    }

    /** {@code sum + bias}, below 0 set to 0 with a ReLU (a compare and a blend: -0 and NaN pass, as in the scalar kernel). */
    private static void store(FloatVector sum, FloatVector bias, boolean relu, float[] out, int at) {
        FloatVector value = sum.add(bias);
        if (relu) {
            value = value.blend(0f, value.compare(VectorOperators.LT, 0f));
        }
        value.intoArray(out, at);
    }
}
