package org.glowzip.model.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glowzip.codec.model.ModelFile;
import org.glowzip.codec.model.ModelFileReader;
import org.glowzip.model.data.IdxFiles;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.flow.Glow;
import org.glowzip.model.flow.GlowFiles;
import org.glowzip.model.train.Evaluator;

/**
 * Prints a model file's architecture, parameter count, fingerprint and its test-set NLL in bits
 * per dimension: {@code EvaluateMain --model FILE --data DIR [--images 10000] [--samples 1]}, where
 * {@code samples} is the number of dequantization noise draws averaged per image.
 */
public final class EvaluateMain {
    private EvaluateMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("model", "model/runs/fashion-mnist/model.gzm");
        defaults.put("data", "../shared/data/fashion-mnist");
        defaults.put("images", "10000");
        defaults.put("samples", "1");
        defaults.put("batch", "100");
        defaults.put("seed", "1");
        Arguments a = new Arguments(args, defaults);
        ModelFile file = ModelFileReader.read(Path.of(a.string("model")));
        Glow glow = GlowFiles.fromModelFile(file);
        ImageSet test = IdxFiles.readSplit(Path.of(a.string("data")), true);
        int images = Math.min(a.integer("images"), test.size());
        double sum = 0;
        for (int sample = 0; sample < a.integer("samples"); sample++) {
            sum += Evaluator.bitsPerDimension(glow, test, images, a.integer("batch"), a.number("seed") + 7919L * sample);
        }
        System.out.println("model        " + file.config());
        System.out.println("parameters   " + file.parameterCount());
        System.out.println("fingerprint  " + file.fingerprintHex());
        System.out.printf("test NLL     %.4f bpd over %d images, %d dequantization sample(s) each%n",
                sum / a.integer("samples"), images, a.integer("samples"));
    }
}
