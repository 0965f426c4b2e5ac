package org.glowzip.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.glowzip.bench.jmh.ConvBenchmark;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code glowzip convbench}: JMH GFLOP/s of the codec's convolution kernels and of ND4J's GEMM on
 * the same products, as one table: every shape on one thread, then the shapes large enough for
 * {@link org.glowzip.codec.nn.Conv2d} to spread over threads on two.
 */
@Command(name = "convbench", mixinStandardHelpOptions = true,
        description = "Measure GFLOP/s of the scalar and vector convolution kernels and of ND4J's GEMM with JMH.")
final class ConvBenchCommand implements Callable<Integer> {
    /** The benchmark's shapes with enough work for Conv2d to use several threads. */
    private static final String[] PARALLEL_SHAPES = {"64x64x1@14", "64x4x3@14", "128x128x1@14", "128x256x3@8x16"};

    @Mixin
    Verbosity verbosity;

    @Option(names = "--quick", description = "One fork, 3 x 1 s warm-up, 3 x 1 s measurement (default: 2 forks, 5 x 2 s, 5 x 2 s).")
    boolean quick;

    @Override
    public Integer call() throws RunnerException {
        List<RunResult> results = new ArrayList<>(run(1));
        results.addAll(run(2, PARALLEL_SHAPES));
        print(results);
        return 0;
    }

    private Collection<RunResult> run(int threads, String... shapes) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(ConvBenchmark.class.getName())
                .param("threads", String.valueOf(threads))
                .jvmArgsAppend(ConvBenchmark.jvmArgs(threads))
                .verbosity(verbosity.quiet ? VerboseMode.SILENT : VerboseMode.NORMAL);
        if (shapes.length > 0) {
            options.param("shape", shapes);
        }
        if (quick) {
            options.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1)).measurementIterations(3).measurementTime(TimeValue.seconds(1));
        } else {
            options.forks(2).warmupIterations(5).warmupTime(TimeValue.seconds(2)).measurementIterations(5).measurementTime(TimeValue.seconds(2));
        }
        return new Runner(options.build()).run();
    }

    private static void print(List<RunResult> results) {
        List<String> implementations = List.of("SCALAR", "VECTOR", ConvBenchmark.ND4J_GEMM);
        Map<String, double[]> rows = new TreeMap<>();
        for (RunResult result : results) {
            String shape = result.getParams().getParam("shape");
            String key = result.getParams().getParam("threads") + " " + shape;
            double[] row = rows.computeIfAbsent(key, k -> new double[2 * implementations.size()]);
            int column = 2 * implementations.indexOf(result.getParams().getParam("implementation"));
            double scale = ConvBenchmark.flops(shape) / 1e9;
            row[column] = result.getPrimaryResult().getScore() * scale;
            row[column + 1] = result.getPrimaryResult().getScoreError() * scale;
        }
        System.out.printf(Locale.ROOT, "GFLOP/s (2 * in * out * k^2 * pixels per call); ND4J BLAS: %s%n", Nd4j.factory().blas().getBlasVendor());
        System.out.printf(Locale.ROOT, "%-7s %-16s %16s %16s %16s %12s%n", "threads", "shape", "scalar", "vector", "nd4j gemm", "vector/nd4j");
        rows.forEach((key, r) -> System.out.printf(Locale.ROOT, "%-7s %-16s %8.1f ± %5.1f %8.1f ± %5.1f %8.1f ± %5.1f %12.2f%n",
                key.split(" ")[0], key.split(" ")[1], r[0], r[1], r[2], r[3], r[4], r[5], r[2] / r[4]));
    }
}
