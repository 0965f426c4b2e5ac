package org.glowzip.codec.nn;

/**
 * The inner loop of {@link Conv2d}: given the im2col columns, sets output planes
 * {@code [from, to)} at pixels {@code [p0, p1)} to {@code bias[o]} and then adds
 * {@code weights[o][k] * columns[k][p]} for {@code k} ascending, each product and each sum one
 * IEEE float operation (a multiply, then an add; never a fused multiply-add). Every kernel
 * performs exactly these operations in exactly this order for every output, so all kernels give
 * the same bits; they differ only in speed.
 */
public enum ConvKernel {
    /** Plain Java loops, which C2 may or may not vectorize; runs on every JVM. */
    SCALAR {
        @Override
        void accumulate(float[][] columns, float[][] weights, float[] bias, FeatureMap output, int from, int to, int p0, int p1) {
            ScalarConvKernel.accumulate(columns, weights, bias, output, from, to, p0, p1);
        }
    },
    /**
     * Register-blocked {@code jdk.incubator.vector} code; needs the JVM to be started with
     * {@code --add-modules jdk.incubator.vector}.
     */
    VECTOR {
        @Override
        void accumulate(float[][] columns, float[][] weights, float[] bias, FeatureMap output, int from, int to, int p0, int p1) {
            VectorConvKernel.accumulate(columns, weights, bias, output, from, to, p0, p1);
        }
    };

    /** {@link #VECTOR} when this JVM has its module, else {@link #SCALAR}. */
    public static ConvKernel preferred() {
        return VectorModule.PRESENT ? VECTOR : SCALAR;
    }

    /** Whether this kernel can run in this JVM. */
    public boolean isAvailable() {
        return this == SCALAR || VectorModule.PRESENT;
    }

    void requireAvailable() {
        if (!isAvailable()) {
            throw new UnsupportedOperationException(this + " convolution kernel needs --add-modules " + VectorModule.NAME);
        }
    }

    abstract void accumulate(float[][] columns, float[][] weights, float[] bias, FeatureMap output, int from, int to, int p0, int p1);
}
