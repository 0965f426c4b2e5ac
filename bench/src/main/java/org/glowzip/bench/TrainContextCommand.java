package org.glowzip.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.glowzip.model.cli.ContextTrainMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code glowzip train-context}: the context-model trainer of the model module; its options pass through. */
@Command(name = "train-context", mixinStandardHelpOptions = true,
        description = {"Train the context model (the coder of first images) into a copy of a model file.",
                "Options: --data DIR --model IN.gzm --out OUT.gzm [--radius 3 --hidden 128 --epochs 3 --batch 1024 --lr 2e-3 "
                        + "--final-lr 1e-4 --seed 1 --train-limit N --test-limit N --exact-images 1000 --log-dir DIR].",
                "OUT keeps IN's tensors and gets new context.* ones; log.csv and bpd.png go next to OUT.",
                "--context-from FILE: train nothing, give OUT the context model of FILE (e.g. for a newer Glow checkpoint)."})
final class TrainContextCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ContextTrainMain.main(arguments.toArray(String[]::new));
        return 0;
    }
}
