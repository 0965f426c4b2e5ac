package org.glowzip.model.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glowzip.model.data.IdxFiles;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.experiments.Experiments;
import org.glowzip.model.flow.Glow;
import org.glowzip.model.flow.GlowFiles;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The paper's qualitative experiments on a trained model file:
 * {@code ExperimentMain sample|interpolate|manipulate --model FILE --data DIR --out DIR}.
 * {@code sample} writes {@code samples.png} (temperatures 0.7 and 1.0 side by side);
 * {@code interpolate} writes {@code interpolation.png}; {@code manipulate} writes
 * {@code manipulation.png} for {@code --label} at strengths -0.5..1 (test-set images, labelled IDX).
 */
public final class ExperimentMain {
    private ExperimentMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ExperimentMain sample|interpolate|manipulate --model FILE --out DIR [--data DIR]");
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("model", "model/runs/fashion-mnist/model.gzm");
        defaults.put("data", "../shared/data/fashion-mnist");
        defaults.put("out", "model/runs/fashion-mnist");
        defaults.put("seed", "1");
        defaults.put("label", "1");
        Arguments a = new Arguments(Arrays.copyOfRange(args, 1, args.length), defaults);
        Glow glow = GlowFiles.load(Path.of(a.string("model")));
        Path out = Path.of(a.string("out"));
        Files.createDirectories(out);
        switch (args[0]) {
            case "sample" -> Experiments.sampleGrid(glow, new double[] {0.7, 1.0}, 6, 6, a.number("seed"), out.resolve("samples.png"));
            case "interpolate" -> {
                ImageSet test = IdxFiles.readSplit(Path.of(a.string("data")), true);
                Experiments.interpolationStrip(glow, test, new int[] {0, 2, 4, 6}, new int[] {1, 3, 5, 7}, 9,
                        out.resolve("interpolation.png"));
            }
            case "manipulate" -> {
                ImageSet test = IdxFiles.readSplit(Path.of(a.string("data")), true);
                List<INDArray> direction = Experiments.labelDirection(glow, test, a.integer("label"), 2000, 100);
                Experiments.manipulation(glow, test, new int[] {0, 1, 2, 3, 4, 5}, direction,
                        new double[] {-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1}, out.resolve("manipulation.png"));
            }
            default -> throw new IllegalArgumentException("unknown experiment " + args[0]);
        }
        System.err.println("wrote to " + out);
    }
}
