package org.glowzip.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.glowzip.bench.jmh.CoderBenchmark;
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

/** {@code glowzip microbench}: JMH push and pop throughput of every rANS codec, as one table. */
@Command(name = "microbench", mixinStandardHelpOptions = true,
        description = "Measure push and pop throughput (symbols/s) of each rANS codec with JMH.")
final class MicrobenchCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Option(names = "--quick", description = "One fork, 2 x 1 s warm-up, 3 x 1 s measurement (default: 2 forks, 5 x 2 s, 5 x 2 s).")
    boolean quick;

    @Option(names = "--format", defaultValue = "table", description = "table or tsv (default: ${DEFAULT-VALUE}).")
    Format format;

    enum Format { table, tsv }

    @Override
    public Integer call() throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(CoderBenchmark.class.getName())
                .verbosity(verbosity.quiet ? VerboseMode.SILENT : VerboseMode.NORMAL);
        if (quick) {
            options.forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(1)).measurementIterations(3).measurementTime(TimeValue.seconds(1));
        } else {
            options.forks(2).warmupIterations(5).warmupTime(TimeValue.seconds(2)).measurementIterations(5).measurementTime(TimeValue.seconds(2));
        }
        print(new Runner(options.build()).run());
        return 0;
    }

    private void print(Collection<RunResult> results) {
        Map<String, double[]> rows = new TreeMap<>();
        for (RunResult result : results) {
            String codec = result.getParams().getParam("codec");
            String method = result.getParams().getBenchmark();
            double[] row = rows.computeIfAbsent(codec, c -> new double[4]);
            int column = method.endsWith(".push") ? 0 : 2;
            row[column] = result.getPrimaryResult().getScore();
            row[column + 1] = result.getPrimaryResult().getScoreError();
        }
        if (format == Format.tsv) {
            System.out.println("codec\tpush_sym_s\tpush_error\tpop_sym_s\tpop_error");
            rows.forEach((codec, r) -> System.out.printf(Locale.ROOT, "%s\t%.0f\t%.0f\t%.0f\t%.0f%n", codec, r[0], r[1], r[2], r[3]));
            return;
        }
        System.out.printf(Locale.ROOT, "%-18s %22s %22s%n", "codec", "push (Msymbols/s)", "pop (Msymbols/s)");
        rows.forEach((codec, r) -> System.out.printf(Locale.ROOT, "%-18s %14.2f ± %5.2f %14.2f ± %5.2f%n",
                codec, r[0] / 1e6, r[1] / 1e6, r[2] / 1e6, r[3] / 1e6));
    }
}
