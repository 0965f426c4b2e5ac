package org.glowzip.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.glowzip.bench.jmh.ContextSamples;
import org.glowzip.bench.jmh.ConvBenchmark;
import org.glowzip.bench.jmh.SlotsBenchmark;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.context.ContextModel;
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
 * {@code glowzip convbench}: JMH GFLOP/s of the codec's convolution and dense kernels and of ND4J's
 * GEMM on the same products, as one table: every shape on one thread, then the shapes large enough
 * for {@link org.glowzip.codec.nn.Conv2d} to spread over threads on two. Then the context model's
 * slots: the time per distribution of {@link org.glowzip.codec.context.TableSoftmax} and of the
 * StrictMath {@link ContextModel#cumulative}, and what the table costs in rate on the bundled
 * sample's first {@value #RATE_IMAGES} images.
 */
@Command(name = "convbench", mixinStandardHelpOptions = true,
        description = "Measure GFLOP/s of the scalar and vector convolution and dense kernels and of ND4J's GEMM, and the"
                + " context model's slots, with JMH.")
final class ConvBenchCommand implements Callable<Integer> {
    /** The benchmark's shapes with enough work for Conv2d to use several threads. */
    private static final String[] PARALLEL_SHAPES = {"64x64x1@14", "64x4x3@14", "128x128x1@14", "128x256x3@8x16"};
    /** Images of the bundled sample on which the table's rate is measured. */
    private static final int RATE_IMAGES = 100;

    @Mixin
    Verbosity verbosity;

    @Option(names = "--quick", description = "One fork, 3 x 1 s warm-up, 3 x 1 s measurement (default: 2 forks, 5 x 2 s, 5 x 2 s).")
    boolean quick;

    @Override
    public Integer call() throws RunnerException, IOException {
        List<RunResult> results = new ArrayList<>(run(1));
        results.addAll(run(2, PARALLEL_SHAPES));
        Collection<RunResult> slots = new Runner(timing(new OptionsBuilder().include(SlotsBenchmark.class.getName())
                .param("images", DataOption.BUNDLED_SAMPLE)).build()).run();
        print(results);
        printSlots(slots);
        return 0;
    }

    private Collection<RunResult> run(int threads, String... shapes) throws RunnerException {
        ChainedOptionsBuilder options = timing(new OptionsBuilder()
                .include(ConvBenchmark.class.getName())
                .param("threads", String.valueOf(threads))
                .jvmArgsAppend(ConvBenchmark.jvmArgs(threads)));
        if (shapes.length > 0) {
            options.param("shape", shapes);
        }
        return new Runner(options.build()).run();
    }

    /** {@code options} with this command's verbosity, forks and iterations. */
    private ChainedOptionsBuilder timing(ChainedOptionsBuilder options) {
        options.verbosity(verbosity.quiet ? VerboseMode.SILENT : VerboseMode.NORMAL);
        if (quick) {
            return options.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1)).measurementIterations(3).measurementTime(TimeValue.seconds(1));
        }
        return options.forks(2).warmupIterations(5).warmupTime(TimeValue.seconds(2)).measurementIterations(5).measurementTime(TimeValue.seconds(2));
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
        System.out.printf(Locale.ROOT, "GFLOP/s (in x out x k @ side: 2 * in * out * k^2 * pixels per call; rows:in->out: 2 * rows * in * out);"
                + " ND4J BLAS: %s%n", Nd4j.factory().blas().getBlasVendor());
        System.out.printf(Locale.ROOT, "%-7s %-16s %16s %16s %16s %12s%n", "threads", "shape", "scalar", "vector", "nd4j gemm", "vector/nd4j");
        rows.forEach((key, r) -> System.out.printf(Locale.ROOT, "%-7s %-16s %8.1f ± %5.1f %8.1f ± %5.1f %8.1f ± %5.1f %12.2f%n",
                key.split(" ")[0], key.split(" ")[1], r[0], r[1], r[2], r[3], r[4], r[5], r[2] / r[4]));
    }

    private static void printSlots(Collection<RunResult> results) throws IOException {
        System.out.printf(Locale.ROOT, "%nslots of one 256-symbol distribution (bundled model, logits of real samples):%n");
        for (RunResult result : results) {
            double ns = result.getPrimaryResult().getScore();
            System.out.printf(Locale.ROOT, "%-12s %8.1f ± %6.1f ns  (%6.1f M symbols/s)%n", result.getParams().getParam("implementation"),
                    ns, result.getPrimaryResult().getScoreError(), ContextModel.SYMBOLS / ns * 1e3);
        }
        ContextModel model = ContextModel.of(ImageCodec.bundled().model());
        ContextSamples samples = ContextSamples.of(model, DataOption.images(null).subList(0, RATE_IMAGES),
                RATE_IMAGES * model.channels() * model.height() * model.width());
        System.out.printf(Locale.ROOT, "table slots cost %.3g bits per sample more than StrictMath's (%d samples of the bundled sample)%n",
                samples.tableExtraBits(), samples.count());
    }
}
