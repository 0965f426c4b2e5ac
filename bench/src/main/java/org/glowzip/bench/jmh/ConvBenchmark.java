package org.glowzip.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.glowzip.codec.nn.Conv2d;
import org.glowzip.codec.nn.ConvKernel;
import org.glowzip.codec.nn.DenseKernel;
import org.glowzip.codec.nn.FeatureMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of a convolution {@code in x out x kernel} on a {@code side x side} (or
 * {@code height x width}) map: the codec's {@link Conv2d} with each {@link ConvKernel} (im2col,
 * output allocation and the sums), and as the reference ND4J's GEMM of the equivalent im2col
 * product, {@code out x (in * kernel^2)} by {@code (in * kernel^2) x pixels}, into a preallocated
 * output (matrix product only). And of a dense layer {@code rows:in->out} (the context model's
 * layers on a batch of rows): the codec's {@link DenseKernel} of that name (the sums, the bias and
 * a ReLU into a preallocated output), and ND4J's GEMM {@code rows x in} by {@code in x out} into a
 * preallocated output (matrix product only). GFLOP/s = {@link #flops(String)} * calls/s / 1e9.
 *
 * <p>{@code threads} is what ND4J's BLAS and OpenMP are limited to; {@link Conv2d} spreads large
 * convolutions over the common fork-join pool, whose size the fork's JVM arguments fix:
 * {@link #jvmArgs(int)} gives them, and the setup refuses to run if they do not match.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConvBenchmark {
    /** The codec's kernels by {@link ConvKernel} name, or {@link #ND4J_GEMM}. */
    public static final String ND4J_GEMM = "ND4J_GEMM";

    private static final String POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    /**
     * The shapes of a coupling network, then the 256 x 1152 by 1152 x 128 product; then the gray photo
     * context model's layers on a full batch of 256 rows (the samples of a window of lanes when
     * encoding, a wave of 32 or more lanes when decoding), and its output layer on the 32 rows of a
     * wave of a small image's lanes.
     */
    @Param({"2x64x3@14", "64x64x1@14", "64x4x3@14", "4x64x3@7", "64x8x3@7", "128x128x1@14", "128x256x3@8x16",
            "256:25->128", "256:128->128", "256:128->256", "32:128->256"})
    public String shape;

    @Param({"SCALAR", "VECTOR", ND4J_GEMM})
    public String implementation;

    @Param({"1"})
    public int threads;

    private Supplier<Object> call;

    /** JVM arguments for a fork whose {@link Conv2d} uses {@code threads} threads: the caller and {@code threads - 1} pool workers. */
    public static String[] jvmArgs(int threads) {
        return new String[] {"--add-modules", "jdk.incubator.vector", "-D" + POOL_PARALLELISM + "=" + (threads - 1)};
    }

    @Setup
    public void setUp() {
        if (isDense(shape)) {
            setUpDense();
            return;
        }
        int[] dims = dimensions(shape);
        int in = dims[0];
        int out = dims[1];
        int k = dims[2];
        int pixels = dims[3] * dims[4];
        SplittableRandom random = new SplittableRandom(1);
        if (implementation.equals(ND4J_GEMM)) {
            Nd4j.factory().blas().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxThreads(threads);
            INDArray weights = Nd4j.create(gaussians(random, out * in * k * k), new long[] {out, (long) in * k * k}, DataType.FLOAT);
            INDArray columns = Nd4j.create(gaussians(random, in * k * k * pixels), new long[] {(long) in * k * k, pixels}, DataType.FLOAT);
            INDArray output = Nd4j.create(DataType.FLOAT, out, pixels);
            call = () -> Nd4j.gemm(weights, columns, output, false, false, 1.0, 0.0);
            return;
        }
        if (!String.valueOf(threads - 1).equals(System.getProperty(POOL_PARALLELISM))) {
            throw new IllegalStateException("fork the JVM with ConvBenchmark.jvmArgs(" + threads + ") for " + threads + " threads");
        }
        ConvKernel kernel = ConvKernel.valueOf(implementation);
        Conv2d conv = new Conv2d(in, out, k, gaussians(random, out * in * k * k), new float[out]);
        FeatureMap input = new FeatureMap(in, dims[3], dims[4]);
        for (int c = 0; c < in; c++) {
            System.arraycopy(gaussians(random, pixels), 0, input.plane(c), 0, pixels);
        }
        call = () -> conv.apply(input, kernel);
    }

    private void setUpDense() {
        int[] dims = denseDimensions(shape);
        int rows = dims[0];
        int in = dims[1];
        int out = dims[2];
        SplittableRandom random = new SplittableRandom(1);
        if (implementation.equals(ND4J_GEMM)) {
            Nd4j.factory().blas().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxThreads(threads);
            INDArray inputs = Nd4j.create(gaussians(random, rows * in), new long[] {rows, in}, DataType.FLOAT);
            INDArray weights = Nd4j.create(gaussians(random, in * out), new long[] {in, out}, DataType.FLOAT);
            INDArray output = Nd4j.create(DataType.FLOAT, rows, out);
            call = () -> Nd4j.gemm(inputs, weights, output, false, false, 1.0, 0.0);
            return;
        }
        DenseKernel kernel = DenseKernel.valueOf(implementation);
        float[] inputs = gaussians(random, rows * in);
        float[] panels = DenseKernel.panels(gaussians(random, out * in), in, out);
        float[] bias = gaussians(random, out);
        float[] output = new float[rows * out];
        call = () -> {
            kernel.apply(inputs, rows, in, panels, bias, true, output);
            return output;
        };
    }

    @Benchmark
    public Object convolve() {
        return call.get();
    }

    /** Floating-point operations of one call of {@code shape}: a multiply and an add per weight and pixel (or row). */
    public static double flops(String shape) {
        if (isDense(shape)) {
            int[] dims = denseDimensions(shape);
            return 2.0 * dims[0] * dims[1] * dims[2];
        }
        int[] dims = dimensions(shape);
        return 2.0 * dims[0] * dims[1] * dims[2] * dims[2] * dims[3] * dims[4];
    }

    private static boolean isDense(String shape) {
        return shape.contains("->");
    }

    /** {@code rows, in, out} of {@code rows:in->out}. */
    private static int[] denseDimensions(String shape) {
        String[] parts = shape.split(":|->");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }

    /** {@code in, out, kernel, height, width} of {@code in x out x kernel @ side} or {@code ... @ height x width}. */
    private static int[] dimensions(String shape) {
        String[] parts = shape.split("[x@]");
        int height = Integer.parseInt(parts[3]);
        int width = parts.length > 4 ? Integer.parseInt(parts[4]) : height;
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), height, width};
    }

    private static float[] gaussians(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
