package org.glowzip.model.flow;

import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Brute force: the Jacobian of a map of one small double-precision input by central differences, and its log|det|. */
final class JacobianLogDet {
    private static final double STEP = 1e-5;

    private JacobianLogDet() {
    }

    /** log|det J| of {@code f} at {@code x} (a single sample); {@code f} returns a tensor of as many elements. */
    static double of(Function<INDArray, INDArray> f, INDArray x) {
        int n = (int) x.length();
        double[][] jacobian = new double[n][n];
        INDArray flat = x.reshape(n);
        for (int j = 0; j < n; j++) {
            double original = flat.getDouble(j);
            flat.putScalar(j, original + STEP);
            double[] plus = f.apply(x).dup('c').reshape(n).toDoubleVector();
            flat.putScalar(j, original - STEP);
            double[] minus = f.apply(x).dup('c').reshape(n).toDoubleVector();
            flat.putScalar(j, original);
            for (int i = 0; i < n; i++) {
                jacobian[i][j] = (plus[i] - minus[i]) / (2 * STEP);
            }
        }
        return logAbsDeterminant(jacobian);
    }

    /** Gaussian elimination with partial pivoting. */
    static double logAbsDeterminant(double[][] matrix) {
        int n = matrix.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = matrix[i].clone();
        }
        double log = 0;
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
            log += Math.log(Math.abs(m[k][k]));
            for (int i = k + 1; i < n; i++) {
                double factor = m[i][k] / m[k][k];
                for (int j = k; j < n; j++) {
                    m[i][j] -= factor * m[k][j];
                }
            }
        }
        return log;
    }
}
