package org.glowzip.codec.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ConvKernel#VECTOR}: tiles of four output rows by two vectors of pixels, whose eight
 * accumulators stay in registers for the whole sum over the columns (on AVX2 that leaves room
 * for the two column vectors and the broadcast weight). Each lane computes
 * {@code acc + w[k] * column[k][p]} as {@code mul} then {@code add}, like the scalar kernel,
 * never {@code fma}; pixels past the last whole vector, and rows past the last whole tile, go
 * to {@link ScalarConvKernel}, which gives the same bits.
 *
 * <p>Only loaded when {@code jdk.incubator.vector} is in the boot layer; see {@link ConvKernel#preferred()}.
 */
final class VectorConvKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int ROWS = 4;

    private VectorConvKernel() {
    }

    static void accumulate(float[][] columns, float[][] weights, float[] bias, FeatureMap output, int from, int to, int p0, int p1) {
        int vectorEnd = p0 + (p1 - p0) / LANES * LANES;
        int o = from;
        for (; o + ROWS <= to; o += ROWS) {
            int p = p0;
            for (; p + 2 * LANES <= vectorEnd; p += 2 * LANES) {
                fourRowsTwoVectors(columns, weights, bias, output, o, p);
            }
            if (p < vectorEnd) {
                fourRowsOneVector(columns, weights, bias, output, o, p);
            }
        }
        for (int row = o; row < to; row++) {
            for (int p = p0; p < vectorEnd; p += LANES) {
                oneRowOneVector(columns, weights[row], bias[row], output.plane(row), p);
            }
        }
        if (vectorEnd < p1) {
            ScalarConvKernel.accumulate(columns, weights, bias, output, from, to, vectorEnd, p1);
        }
    }

    private static void fourRowsTwoVectors(float[][] columns, float[][] weights, float[] bias, FeatureMap output, int o, int p) {
        float[] w0 = weights[o];
        float[] w1 = weights[o + 1];
        float[] w2 = weights[o + 2];
        float[] w3 = weights[o + 3];
        FloatVector a00 = FloatVector.broadcast(SPECIES, bias[o]);
        FloatVector a01 = a00;
        FloatVector a10 = FloatVector.broadcast(SPECIES, bias[o + 1]);
        FloatVector a11 = a10;
        FloatVector a20 = FloatVector.broadcast(SPECIES, bias[o + 2]);
        FloatVector a21 = a20;
        FloatVector a30 = FloatVector.broadcast(SPECIES, bias[o + 3]);
        FloatVector a31 = a30;
        for (int k = 0; k < columns.length; k++) {
            float[] column = columns[k];
            FloatVector c0 = FloatVector.fromArray(SPECIES, column, p);
            FloatVector c1 = FloatVector.fromArray(SPECIES, column, p + LANES);
            FloatVector w = FloatVector.broadcast(SPECIES, w0[k]);
            a00 = a00.add(w.mul(c0));
            a01 = a01.add(w.mul(c1));
            w = FloatVector.broadcast(SPECIES, w1[k]);
            a10 = a10.add(w.mul(c0));
            a11 = a11.add(w.mul(c1));
            w = FloatVector.broadcast(SPECIES, w2[k]);
            a20 = a20.add(w.mul(c0));
            a21 = a21.add(w.mul(c1));
            w = FloatVector.broadcast(SPECIES, w3[k]);
            a30 = a30.add(w.mul(c0));
            a31 = a31.add(w.mul(c1));
        }
        a00.intoArray(output.plane(o), p);
        a01.intoArray(output.plane(o), p + LANES);
        a10.intoArray(output.plane(o + 1), p);
        a11.intoArray(output.plane(o + 1), p + LANES);
        a20.intoArray(output.plane(o + 2), p);
        a21.intoArray(output.plane(o + 2), p + LANES);
        a30.intoArray(output.plane(o + 3), p);
        a31.intoArray(output.plane(o + 3), p + LANES);
    }

    private static void fourRowsOneVector(float[][] columns, float[][] weights, float[] bias, FeatureMap output, int o, int p) {
        float[] w0 = weights[o];
        float[] w1 = weights[o + 1];
        float[] w2 = weights[o + 2];
        float[] w3 = weights[o + 3];
        FloatVector a0 = FloatVector.broadcast(SPECIES, bias[o]);
        FloatVector a1 = FloatVector.broadcast(SPECIES, bias[o + 1]);
        FloatVector a2 = FloatVector.broadcast(SPECIES, bias[o + 2]);
        FloatVector a3 = FloatVector.broadcast(SPECIES, bias[o + 3]);
        for (int k = 0; k < columns.length; k++) {
            FloatVector c = FloatVector.fromArray(SPECIES, columns[k], p);
            a0 = a0.add(c.mul(w0[k]));
            a1 = a1.add(c.mul(w1[k]));
            a2 = a2.add(c.mul(w2[k]));
            a3 = a3.add(c.mul(w3[k]));
        }
        a0.intoArray(output.plane(o), p);
        a1.intoArray(output.plane(o + 1), p);
        a2.intoArray(output.plane(o + 2), p);
        a3.intoArray(output.plane(o + 3), p);
    }

    private static void oneRowOneVector(float[][] columns, float[] w, float bias, float[] row, int p) {
        FloatVector a = FloatVector.broadcast(SPECIES, bias);
        for (int k = 0; k < columns.length; k++) {
            a = a.add(FloatVector.fromArray(SPECIES, columns[k], p).mul(w[k]));
        }
        a.intoArray(row, p);
    }
}
