package org.glowzip.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.glowzip.model.experiments.Experiments;
import org.glowzip.model.flow.Glow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glowzip sample}: a grid of samples per temperature, side by side, from the same noise. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Write samples.png: a grid of the Glow's samples at each temperature, side by side, drawn from the same noise.")
final class SampleCommand extends ExperimentCommand {
    @Option(names = "--grid", paramLabel = "N", defaultValue = "6",
            description = "Rows and columns of each temperature's grid (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--temperatures", paramLabel = "T", split = ",", defaultValue = "0.7,1.0",
            description = "Temperatures: the scale of the prior's standard deviation (default: ${DEFAULT-VALUE}).")
    List<Double> temperatures;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Fixes the noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    String fileName() {
        return "samples.png";
    }

    @Override
    void write(Glow glow, Path png) throws IOException {
        if (grid < 1) {
            throw new IllegalArgumentException("--grid must be at least 1");
        }
        double[] values = temperatures.stream().mapToDouble(Double::doubleValue).toArray();
        long[] nonFinitePixels = Experiments.sampleGrid(glow, values, grid, grid, seed, png);
        for (int i = 0; i < values.length; i++) {
            reportNonFinite("temperature " + values[i], nonFinitePixels[i]);
        }
    }
}
