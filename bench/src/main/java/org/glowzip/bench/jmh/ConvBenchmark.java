package org.glowzip.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.glowzip.codec.nn.Conv2d;
import org.glowzip.codec.nn.FeatureMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the deterministic convolution kernel on the shapes of a coupling network
 * ({@code in x out x kernel} on {@code side x side} maps). GFLOP/s = 2 * in * out * k^2 * side^2
 * * calls/s / 1e9; {@link #flops()} gives the numerator.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConvBenchmark {
    @Param({"2x64x3@14", "64x64x1@14", "64x4x3@14", "4x64x3@7", "64x8x3@7", "128x128x1@14"})
    public String shape;

    private Conv2d conv;
    private FeatureMap input;

    @Setup
    public void setUp() {
        String[] parts = shape.split("[x@]");
        int in = Integer.parseInt(parts[0]);
        int out = Integer.parseInt(parts[1]);
        int k = Integer.parseInt(parts[2]);
        int side = Integer.parseInt(parts[3]);
        SplittableRandom random = new SplittableRandom(1);
        float[] weights = new float[out * in * k * k];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        conv = new Conv2d(in, out, k, weights, new float[out]);
        input = new FeatureMap(in, side, side);
        for (int c = 0; c < in; c++) {
            for (int i = 0; i < side * side; i++) {
                input.plane(c)[i] = (float) random.nextGaussian();
            }
        }
    }

    /** Floating-point operations of one call of {@code shape}. */
    public static double flops(String shape) {
        String[] parts = shape.split("[x@]");
        double in = Double.parseDouble(parts[0]);
        double out = Double.parseDouble(parts[1]);
        double k = Double.parseDouble(parts[2]);
        double side = Double.parseDouble(parts[3]);
        return 2 * in * out * k * k * side * side;
    }

    @Benchmark
    public FeatureMap convolve() {
        return conv.apply(input);
    }
}
