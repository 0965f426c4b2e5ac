package org.glowzip.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.glowzip.model.cli.ExperimentMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code glowzip sample|interpolate|manipulate}: one of the Glow paper's qualitative experiments
 * on a model file, written as PNG; options ({@code --model FILE --data DIR --out DIR ...}) pass
 * through to the model module.
 */
@Command(mixinStandardHelpOptions = true)
final class ExperimentCommand implements Callable<Integer> {
    /** Each experiment and what it writes, by name. */
    static final Map<String, String> EXPERIMENTS = new TreeMap<>(Map.of(
            "sample", "Write samples.png: samples at temperatures 0.7 and 1.0. Options: --model FILE --out DIR [--seed S].",
            "interpolate", "Write interpolation.png: real test images joined through their latents. Options: --model FILE --data DIR --out DIR.",
            "manipulate", "Write manipulation.png: a label's latent direction at several strengths. Options: --model FILE --data DIR --out DIR [--label N]."));

    private final String experiment;

    @Unmatched
    List<String> arguments = new ArrayList<>();

    ExperimentCommand(String experiment) {
        this.experiment = experiment;
    }

    @Override
    public Integer call() throws Exception {
        List<String> all = new ArrayList<>(List.of(experiment));
        all.addAll(arguments);
        ExperimentMain.main(all.toArray(String[]::new));
        return 0;
    }
}
