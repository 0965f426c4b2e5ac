package org.glowzip.model.flow;

import java.util.Random;

/**
 * {@code A = P L U} with partial pivoting, in plain Java doubles, for the small matrices of a 1x1
 * convolution. {@code P[permutation[i]][i] = 1}; L has a unit diagonal; U's diagonal is returned
 * as signs and log-magnitudes, its strict upper part separately.
 */
final class LuDecomposition {
    private final double[] permutation;
    private final double[][] lower;
    private final double[][] upper;
    private final double[] diagonalSigns;
    private final double[] logAbsDiagonal;

    private LuDecomposition(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
            rows[i] = i;
        }
        for (int k = 0; k < n; k++) {
            int pivot = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(m[i][k]) > Math.abs(m[pivot][k])) {
                    pivot = i;
                }
            }
            double[] swap = m[k];
            m[k] = m[pivot];
            m[pivot] = swap;
            int swapRow = rows[k];
            rows[k] = rows[pivot];
            rows[pivot] = swapRow;
            for (int i = k + 1; i < n; i++) {
                m[i][k] /= m[k][k];
                for (int j = k + 1; j < n; j++) {
                    m[i][j] -= m[i][k] * m[k][j];
                }
            }
        }
        permutation = new double[n];
        lower = new double[n][n];
        upper = new double[n][n];
        diagonalSigns = new double[n];
        logAbsDiagonal = new double[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = rows[i];
            for (int j = 0; j < n; j++) {
                if (j < i) {
                    lower[i][j] = m[i][j];
                } else if (j > i) {
                    upper[i][j] = m[i][j];
                }
            }
            diagonalSigns[i] = Math.signum(m[i][i]);
            logAbsDiagonal[i] = Math.log(Math.abs(m[i][i]));
        }
    }

    /** The decomposition of a random rotation (Gram-Schmidt on a Gaussian matrix). */
    static LuDecomposition ofRandomRotation(int n, Random random) {
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = random.nextGaussian();
            }
            for (int previous = 0; previous < i; previous++) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += q[i][j] * q[previous][j];
                }
                for (int j = 0; j < n; j++) {
                    q[i][j] -= dot * q[previous][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < n; j++) {
                norm += q[i][j] * q[i][j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < n; j++) {
                q[i][j] /= norm;
            }
        }
        return new LuDecomposition(q);
    }

    double[] permutation() {
        return permutation;
    }

    double[][] lower() {
        return lower;
    }

    double[][] upper() {
        return upper;
    }

    double[] diagonalSigns() {
        return diagonalSigns;
    }

    double[] logAbsDiagonal() {
        return logAbsDiagonal;
    }
}
