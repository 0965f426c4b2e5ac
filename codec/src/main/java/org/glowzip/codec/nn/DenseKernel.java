package org.glowzip.codec.nn;

/**
 * A batched dense layer: {@code rows} input rows {@code [rows, inputs]} and the weights
 * {@code [outputs, inputs]} give {@code [rows, outputs]}, both row-major, where
 * <pre>
 *   sum = 0f;  for i = 0 .. inputs-1:  sum = sum + weight[o][i] * in[r][i];
 *   out[r][o] = sum + bias[o], and with a ReLU 0 where that is below 0 (-0 and NaN pass)
 * </pre>
 * each product and each sum one IEEE float operation (a multiply, then an add; never a fused
 * multiply-add). Every kernel performs exactly these operations in exactly this order for every
 * output, so all kernels give the same bits; they differ only in speed.
 *
 * <h2>Panels</h2>
 * The kernels read the weights packed by {@link #panels}: the outputs in panels of
 * {@value #PANEL} (the last one narrower when {@value #PANEL} does not divide them), panel
 * {@code [o0, o0 + w)} at offset {@code o0 * inputs} as {@code [inputs][w]}, so
 * {@code weight[o0 + j][i]} is at {@code o0 * inputs + i * w + j}. A panel is contiguous and,
 * for the inputs a context model has, fits the L1 cache, where it serves every row.
 */
public enum DenseKernel {
    /** Plain Java loops, which C2 may or may not vectorize; runs on every JVM. */
    SCALAR {
        @Override
        void multiply(float[] in, int rows, int inputs, float[] panels, float[] bias, boolean relu, float[] out) {
            ScalarDenseKernel.multiply(in, rows, inputs, panels, bias, relu, out, 0);
        }
    },
    /**
     * Register-blocked {@code jdk.incubator.vector} code; needs the JVM to be started with
     * {@code --add-modules jdk.incubator.vector}.
     */
    VECTOR {
        @Override
        void multiply(float[] in, int rows, int inputs, float[] panels, float[] bias, boolean relu, float[] out) {
            VectorDenseKernel.multiply(in, rows, inputs, panels, bias, relu, out);
        }
    };

    /** Outputs per panel of the packed weights. */
    public static final int PANEL = 16;

    /** {@link #VECTOR} when this JVM has its module, else {@link #SCALAR}. */
    public static DenseKernel preferred() {
        return VectorModule.PRESENT ? VECTOR : SCALAR;
    }

    /** Whether this kernel can run in this JVM. */
    public boolean isAvailable() {
        return this == SCALAR || VectorModule.PRESENT;
    }

    /**
     * The weights {@code [outputs, inputs]} (row-major, as a model file stores them) packed into
     * panels for {@link #apply}.
     */
    public static float[] panels(float[] weight, int inputs, int outputs) {
        if (inputs < 1 || outputs < 1 || weight.length != (long) inputs * outputs) {
            throw new IllegalArgumentException("dense " + inputs + " -> " + outputs + " needs " + (long) inputs * outputs
                    + " weights, got " + weight.length);
        }
        float[] panels = new float[weight.length];
        for (int o0 = 0; o0 < outputs; o0 += PANEL) {
            int width = Math.min(PANEL, outputs - o0);
            for (int i = 0; i < inputs; i++) {
                for (int j = 0; j < width; j++) {
                    panels[o0 * inputs + i * width + j] = weight[(o0 + j) * inputs + i];
                }
            }
        }
        return panels;
    }

    /**
     * Sets {@code out[r * outputs + o]} for the {@code rows} rows of {@code in}
     * ({@code in[r * inputs + i]}), with {@code outputs = bias.length}, as the class comment defines.
     *
     * @param panels the weights packed by {@link #panels}
     * @throws IllegalArgumentException if the arrays do not fit the shape
     * @throws UnsupportedOperationException if this kernel is not {@link #isAvailable() available}
     */
    public void apply(float[] in, int rows, int inputs, float[] panels, float[] bias, boolean relu, float[] out) {
        if (!isAvailable()) {
            throw new UnsupportedOperationException(this + " dense kernel needs --add-modules " + VectorModule.NAME);
        }
        int outputs = bias.length;
        if (rows < 0 || inputs < 1 || outputs < 1 || panels.length != (long) inputs * outputs
                || in.length < (long) rows * inputs || out.length < (long) rows * outputs) {
            throw new IllegalArgumentException("dense " + inputs + " -> " + outputs + " on " + rows + " rows: " + panels.length
                    + " weights, " + in.length + " inputs and " + out.length + " outputs given");
        }
        multiply(in, rows, inputs, panels, bias, relu, out);
    }

    abstract void multiply(float[] in, int rows, int inputs, float[] panels, float[] bias, boolean relu, float[] out);
}
