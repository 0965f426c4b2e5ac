package org.glowzip.bench;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.PriorPhases;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.flow.Dequantization;
import org.glowzip.model.flow.Glow;
import org.glowzip.model.flow.GlowFiles;
import org.glowzip.model.flow.UniformDequantization;
import org.glowzip.model.train.Evaluator;
import org.glowzip.model.train.TileBatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glowzip evaluate}: a model file's architecture, size, fingerprint and the float Glow's test NLL. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Print a model file's architecture, parameter count and fingerprint, and the float Glow's NLL in bits per"
                + " dimension on test images (mean over dequantization noise draws).")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Mixin
    ModelOption modelOption;

    @Mixin
    TestImagesOption testImages;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N images (default: all).")
    Integer limit;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1",
            description = "Dequantization noise draws per image (default: ${DEFAULT-VALUE}); with more than one, also the"
                    + " importance-weighted bound over them, which tells what a better posterior q(u | x) could gain.")
    int samples;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "100", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Fixes the noise draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be at least 1");
        }
        ModelFile file = modelOption.codec().model();
        System.out.println("model        " + file.config());
        System.out.println("parameters   " + file.parameterCount());
        System.out.println("fingerprint  " + file.fingerprintHex());
        GlowLayout layout = new GlowLayout(file.config());
        System.out.printf(Locale.ROOT, "multiply-adds per sample: Glow %.0f (one pass)%s%s%s%s%s%n", layout.multiplyAddsPerSample(),
                GlowLayout.hasCondition(file) ? String.format(Locale.ROOT, ", border condition %.0f", layout.conditionMultiplyAddsPerSample()) : "",
                GlowLayout.priorPhases(file) == PriorPhases.SINGLE ? ""
                        : String.format(Locale.ROOT, ", prior contexts %.0f", layout.contextMultiplyAddsPerSample(GlowLayout.priorPhases(file))),
                GlowLayout.hasDequantizer(file) ? String.format(Locale.ROOT, ", dequantizer %.0f", layout.dequantizerMultiplyAddsPerSample()) : "",
                GlowLayout.hasCheckerboardDequantizer(file)
                        ? String.format(Locale.ROOT, ", checkerboard posterior %.0f", layout.checkerboardMultiplyAddsPerSample()) : "",
                ContextModel.present(file) ? ", context network " + ContextModel.of(file).multiplyAdds() : "");
        ImageSet test = testImages.read(null);
        GlowConfig config = file.config();
        Glow glow = GlowFiles.fromModelFile(file);
        if (!TileBatch.fits(glow, test)) {
            int border = glow.conditioned() ? 1 : 0;
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the test images are %d x %d x %d, the model takes %d x %d x %d%s;"
                    + " pass --images with images of its shape", test.width(), test.height(), test.channels(), config.width() + border,
                    config.height() + border, config.channels(), glow.conditioned() ? " (its tiles with the row above and the column left)" : ""));
        }
        Dequantization dequantization = GlowFiles.dequantizationOf(file);
        int images = limit == null ? test.size() : Math.min(limit, test.size());
        double[][] draws = new double[images][samples];
        double sum = 0;
        for (int sample = 0; sample < samples; sample++) {
            double[] each = Evaluator.bitsPerImage(glow, dequantization, test, images, batch, seed + 7919L * sample);
            for (int i = 0; i < images; i++) {
                draws[i][sample] = each[i];
                sum += each[i];
            }
        }
        double mean = sum / ((double) samples * images);
        System.out.printf(Locale.ROOT, "test NLL     %.4f bpd over %d images, %d %s dequantization sample(s) each%n",
                mean, images, samples, dequantization instanceof UniformDequantization ? "uniform" : "variational");
        if (samples > 1) {
            double weighted = 0;
            for (double[] image : draws) {
                weighted += Evaluator.importanceWeighted(image, config.dimensions());
            }
            weighted /= images;
            System.out.printf(Locale.ROOT, "importance-weighted bound %.4f bpd (%d draws): a better posterior q(u | x) could gain at"
                    + " least %.4f%n", weighted, samples, mean - weighted);
        }
        return 0;
    }
}
