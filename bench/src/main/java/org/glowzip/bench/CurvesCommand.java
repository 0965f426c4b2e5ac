package org.glowzip.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glowzip.model.train.TrainingCurves;
import org.glowzip.model.train.TrainingLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glowzip curves}: the test bpd of training runs against their hours of training, as a PNG and a CSV. */
@Command(name = "curves", mixinStandardHelpOptions = true,
        description = "Plot the test bpd of training runs (their run folders' log.csv) against their hours of training:"
                + " FILE.png and FILE.csv (run,hours,epoch,step,test_bpd).")
final class CurvesCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Option(names = "--run", paramLabel = "LABEL=DIR", required = true, mapFallbackValue = "",
            description = "A run to plot, by its label and run folder (1 to 6 of them, in the legend's order).")
    LinkedHashMap<String, Path> runs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.png", required = true, description = "The PNG; the CSV goes beside it.")
    Path output;

    @Option(names = "--images-per-step", paramLabel = "N", defaultValue = "64",
            description = "Images a training step for logs written before they recorded hours, whose hours are estimated from"
                    + " their images/s (default: ${DEFAULT-VALUE}, the Glow trainer's batch).")
    double imagesPerStep;

    @Override
    public Integer call() throws Exception {
        Map<String, List<TrainingLog.Row>> rows = new LinkedHashMap<>();
        for (Map.Entry<String, Path> run : runs.entrySet()) {
            rows.put(run.getKey(), TrainingLog.read(run.getValue().resolve("log.csv"), Long.MAX_VALUE, imagesPerStep));
        }
        TrainingCurves curves = new TrainingCurves(rows);
        String name = output.getFileName().toString();
        Path csv = output.resolveSibling((name.endsWith(".png") ? name.substring(0, name.length() - 4) : name) + ".csv");
        curves.writePng(output);
        curves.writeCsv(csv);
        System.out.println("wrote " + output + " and " + csv);
        return 0;
    }
}
