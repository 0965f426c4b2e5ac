package org.glowzip.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.glowzip.model.cli.TrainMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code glowzip train}: the Glow trainer of the model module; its options pass through. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train (or resume) a Glow: --data DIR --out DIR [--levels L --steps K --width W --batch B --lr R ...].",
                "Checkpoints, a CSV log and a bpd plot go to --out; rerunning with the same --out resumes."})
final class TrainCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        TrainMain.main(arguments.toArray(String[]::new));
        return 0;
    }
}
