package org.glowzip.model.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.glowzip.codec.model.CouplingType;
import org.glowzip.codec.model.GlowConfig;
import org.glowzip.model.data.DataDirectory;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.train.Trainer;
import org.glowzip.model.train.TrainingOptions;

/**
 * Trains a Glow: {@code TrainMain --data DIR --out DIR [--levels 2 --steps 8 --width 128 ...]}.
 * The data directory is a {@link DataDirectory}. Running it again with the same output directory
 * resumes from the last checkpoint.
 */
public final class TrainMain {
    private TrainMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("data", "../shared/data/fashion-mnist");
        defaults.put("out", "model/runs/fashion-mnist");
        defaults.put("levels", "2");
        defaults.put("steps", "8");
        defaults.put("width", "128");
        defaults.put("coupling", "affine");
        defaults.put("channels", "1");
        defaults.put("total-steps", "20000");
        defaults.put("batch", "64");
        defaults.put("lr", "1e-3");
        defaults.put("warmup", "500");
        defaults.put("clip", "50");
        defaults.put("checkpoint-every", "500");
        defaults.put("log-every", "50");
        defaults.put("init-batch", "512");
        defaults.put("test-images", "10000");
        defaults.put("seed", "1");
        Arguments a = new Arguments(args, defaults);
        Path data = Path.of(a.string("data"));
        ImageSet train = DataDirectory.split(data, false, a.integer("channels"));
        ImageSet test = DataDirectory.split(data, true, a.integer("channels"));
        GlowConfig model = new GlowConfig(a.integer("levels"), a.integer("steps"), a.integer("width"),
                CouplingType.valueOf(a.string("coupling").toUpperCase(Locale.ROOT)), train.channels(), train.height(), train.width());
        TrainingOptions options = new TrainingOptions(model, Path.of(a.string("out")), a.number("total-steps"),
                a.integer("batch"), a.real("lr"), a.number("warmup"), a.real("clip"), a.number("checkpoint-every"),
                a.number("log-every"), a.integer("init-batch"), a.integer("test-images"), a.number("seed"));
        System.err.println("training " + model + " on " + train.size() + " images, testing on "
                + Math.min(test.size(), options.testImages()));
        new Trainer(options, train, test, System.err).run();
    }
}
