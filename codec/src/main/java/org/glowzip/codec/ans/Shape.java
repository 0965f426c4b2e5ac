package org.glowzip.codec.ans;

/**
 * The standardized continuous distributions that {@link QuantizedDistribution} discretizes, each
 * with a cumulative distribution function that is the same on every platform and provably
 * non-decreasing.
 *
 * <p>The CDF is tabulated at class initialization on a grid of step {@code 2^-10} over
 * {@code [-gridBound, gridBound]}, in units of {@code 2^-32}, with {@link StrictMath} only, made
 * non-decreasing by a running maximum, and pinned to 0 and {@code 2^32} at the ends. Between grid
 * points it is interpolated linearly with one rounding toward zero, which keeps it
 * non-decreasing; beyond the grid it is 0 or {@code 2^32}. Interpolation error is below
 * {@code 10^-6}: it costs a little compression, never correctness.
 */
public enum Shape {
    /** The logistic distribution, {@code F(t) = 1 / (1 + exp(-t))}; mass beyond 24 is below 2^-34. */
    LOGISTIC(24) {
        @Override
        double tailBound(int precision) {
            return Math.min(gridBound(), precision * LN2 + 2); // tail mass e^-t below 2^-precision / 7
        }

        @Override
        double[] exactCdf(double[] t) {
            double[] cdf = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                cdf[i] = 1 / (1 + StrictMath.exp(-t[i]));
            }
            return cdf;
        }
    },
    /** The standard normal distribution; mass beyond 9 is below 2^-62. */
    GAUSSIAN(9) {
        @Override
        double tailBound(int precision) {
            return Math.min(gridBound(), StrictMath.sqrt(2 * precision * LN2) + 1); // tail mass below e^(-t^2/2) / 2
        }

        @Override
        double[] exactCdf(double[] t) {
            // Simpson's rule on the density over each grid cell, accumulated from -gridBound.
            double[] cdf = new double[t.length];
            int sub = 16;
            double h = (t[1] - t[0]) / sub;
            double sum = 0;
            for (int i = 1; i < t.length; i++) {
                double cell = 0;
                for (int k = 0; k < sub; k++) {
                    double a = t[i - 1] + k * h;
                    cell += h / 6 * (density(a) + 4 * density(a + h / 2) + density(a + h));
                }
                sum += cell;
                cdf[i] = sum;
            }
            for (int i = 0; i < cdf.length; i++) {
                cdf[i] /= sum;
            }
            return cdf;
        }

        private double density(double t) {
            return StrictMath.exp(-t * t / 2) / StrictMath.sqrt(2 * StrictMath.PI);
        }
    };

    /** CDF values are fixed-point numbers in units of {@code 2^-32}: this is 1. */
    static final long ONE = 1L << 32;
    private static final int STEPS_PER_UNIT = 1024;
    private static final double LN2 = StrictMath.log(2);

    private final double gridBound;
    private final long[] table;

    Shape(int gridBound) {
        this.gridBound = gridBound;
        double[] grid = new double[2 * gridBound * STEPS_PER_UNIT + 1];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = -gridBound + (double) i / STEPS_PER_UNIT;
        }
        double[] cdf = exactCdf(grid);
        table = new long[grid.length];
        for (int i = 1; i < grid.length - 1; i++) {
            table[i] = Math.max(table[i - 1], Math.min(ONE, (long) StrictMath.rint(cdf[i] * ONE)));
        }
        table[grid.length - 1] = ONE;
    }

    /** The exact CDF at each grid point, for building the table. */
    abstract double[] exactCdf(double[] t);

    /**
     * Standardized distance beyond which the mass of each tail is well below one slot of
     * {@code 2^precision}: bins farther than this many scales from the mean go through the escape.
     */
    abstract double tailBound(int precision);

    /** Half-width of the tabulated grid; the CDF is 0 or 1 beyond it. */
    double gridBound() {
        return gridBound;
    }

    /** The CDF at standardized point {@code t}, in units of {@code 2^-32}; non-decreasing in {@code t}. */
    long cdf(double t) {
        double u = (t + gridBound) * STEPS_PER_UNIT;
        if (!(u > 0)) {
            return 0;
        }
        if (u >= table.length - 1) {
            return ONE;
        }
        int j = (int) u;
        return table[j] + (long) ((table[j + 1] - table[j]) * (u - j));
    }
}
