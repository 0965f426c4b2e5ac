package org.glowzip.codec.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ConvKernel#VECTOR}: tiles of two output rows by four vectors of pixels, whose eight
 * accumulators stay in registers while the tile runs through a block of {@link #K_BLOCK} columns;
 * a block of columns at the tile's pixels fits in the L1 cache and serves every row pair before
 * the next block. Each lane computes {@code acc + w[k] * column[k][p]} as {@code mul} then
 * {@code add}, like the scalar kernel, never {@code fma}; between blocks the partial sums wait in
 * the output (a float store and load, exact), so every output still receives its terms in
 * ascending {@code k}. Rows and pixels past the whole tiles go to one-row one-vector tiles, and
 * pixels past the last whole vector to {@link ScalarConvKernel}: the same bits either way.
 *
 * <p>Only loaded when {@code jdk.incubator.vector} is in the boot layer; see {@link ConvKernel#preferred()}.
 */
final class VectorConvKernel {
    private static final VectorSpecies<Float> SPECIES = KernelSpecies.FLOAT;
    private static final int LANES = SPECIES.length();
    private static final int TILE_PIXELS = 4 * LANES;
    /** Columns per block: a block at one tile's pixels is 16 KiB with 8-float vectors. */
    private static final int K_BLOCK = 128;

    private VectorConvKernel() {
    }

    static void accumulate(float[][] columns, float[][] weights, float[] bias, FeatureMap output, int from, int to, int p0, int p1) {
        int vectorEnd = p0 + (p1 - p0) / LANES * LANES;
        int tileEnd = p0 + (vectorEnd - p0) / TILE_PIXELS * TILE_PIXELS;
        int pairEnd = from + (to - from) / 2 * 2;
        for (int k0 = 0; k0 < columns.length; k0 += K_BLOCK) {
            int k1 = Math.min(columns.length, k0 + K_BLOCK);
            for (int p = p0; p < tileEnd; p += TILE_PIXELS) {
                for (int o = from; o < pairEnd; o += 2) {
                    twoRowsFourVectors(columns, weights, bias, output, o, p, k0, k1);
                }
            }
            for (int o = from; o < to; o++) {
                int start = o < pairEnd ? tileEnd : p0;
                for (int p = start; p < vectorEnd; p += LANES) {
                    oneRowOneVector(columns, weights[o], bias[o], output.plane(o), p, k0, k1);
                }
            }
        }
        if (vectorEnd < p1) {
            ScalarConvKernel.accumulate(columns, weights, bias, output, from, to, vectorEnd, p1);
        }
    }

    /** The bias in the first block of columns, else the partial sums the previous blocks left. */
    private static FloatVector start(float[] row, int p, float bias, int k0) {
        return k0 == 0 ? FloatVector.broadcast(SPECIES, bias) : FloatVector.fromArray(SPECIES, row, p);
    }

    private static void twoRowsFourVectors(float[][] columns, float[][] weights, float[] bias, FeatureMap output, int o,
            int p, int k0, int k1) {
        float[] r0 = output.plane(o);
        float[] r1 = output.plane(o + 1);
        float[] w0 = weights[o];
        float[] w1 = weights[o + 1];
        FloatVector a00 = start(r0, p, bias[o], k0);
        FloatVector a01 = start(r0, p + LANES, bias[o], k0);
        FloatVector a02 = start(r0, p + 2 * LANES, bias[o], k0);
        FloatVector a03 = start(r0, p + 3 * LANES, bias[o], k0);
        FloatVector a10 = start(r1, p, bias[o + 1], k0);
        FloatVector a11 = start(r1, p + LANES, bias[o + 1], k0);
        FloatVector a12 = start(r1, p + 2 * LANES, bias[o + 1], k0);
        FloatVector a13 = start(r1, p + 3 * LANES, bias[o + 1], k0);
        for (int k = k0; k < k1; k++) {
            float[] column = columns[k];
            FloatVector c0 = FloatVector.fromArray(SPECIES, column, p);
            FloatVector c1 = FloatVector.fromArray(SPECIES, column, p + LANES);
            FloatVector c2 = FloatVector.fromArray(SPECIES, column, p + 2 * LANES);
            FloatVector c3 = FloatVector.fromArray(SPECIES, column, p + 3 * LANES);
            FloatVector w = FloatVector.broadcast(SPECIES, w0[k]);
            a00 = a00.add(w.mul(c0));
            a01 = a01.add(w.mul(c1));
            a02 = a02.add(w.mul(c2));
            a03 = a03.add(w.mul(c3));
            w = FloatVector.broadcast(SPECIES, w1[k]);
            a10 = a10.add(w.mul(c0));
            a11 = a11.add(w.mul(c1));
            a12 = a12.add(w.mul(c2));
            a13 = a13.add(w.mul(c3));
        }
        a00.intoArray(r0, p);
        a01.intoArray(r0, p + LANES);
        a02.intoArray(r0, p + 2 * LANES);
        a03.intoArray(r0, p + 3 * LANES);
        a10.intoArray(r1, p);
        a11.intoArray(r1, p + LANES);
        a12.intoArray(r1, p + 2 * LANES);
        a13.intoArray(r1, p + 3 * LANES);
    }

    private static void oneRowOneVector(float[][] columns, float[] w, float bias, float[] row, int p, int k0, int k1) {
        FloatVector a = start(row, p, bias, k0);
        for (int k = k0; k < k1; k++) {
            a = a.add(FloatVector.fromArray(SPECIES, columns[k], p).mul(w[k]));
        }
        a.intoArray(row, p);
    }
}
