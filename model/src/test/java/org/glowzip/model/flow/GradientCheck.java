package org.glowzip.model.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Central finite differences of a scalar function of arrays, in double precision. */
public final class GradientCheck {
    private static final double STEP = 1e-6;

    private GradientCheck() {
    }

    /** Asserts that {@code analytic} matches d loss / d {@code array} at up to {@code samples} entries. */
    public static void assertGradient(String what, INDArray array, INDArray analytic, Supplier<Double> loss, int samples) {
        INDArray flat = array.reshape(array.length());
        INDArray flatAnalytic = analytic.reshape(analytic.length());
        long stride = Math.max(1, array.length() / samples);
        for (long i = 0; i < array.length(); i += stride) {
            double original = flat.getDouble(i);
            flat.putScalar(i, original + STEP);
            double plus = loss.get();
            flat.putScalar(i, original - STEP);
            double minus = loss.get();
            flat.putScalar(i, original);
            double numeric = (plus - minus) / (2 * STEP);
            double expected = flatAnalytic.getDouble(i);
            assertEquals(numeric, expected, 1e-5 + 1e-4 * Math.abs(numeric), what + " entry " + i);
        }
    }
}
