package org.glowzip.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.glowzip.codec.context.ContextFeatures;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.context.NeighbourhoodFeatures;
import org.glowzip.codec.context.ResidualFeatures;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.ModelFileReader;
import org.glowzip.model.context.CodedRate;
import org.glowzip.model.context.ContextFiles;
import org.glowzip.model.context.ContextNetwork;
import org.glowzip.model.context.ContextSamples;
import org.glowzip.model.context.ContextTrainer;
import org.glowzip.model.context.ContextTrainingOptions;
import org.glowzip.model.data.ImageSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code glowzip train-context}: trains the context model of a model file with the model module's
 * {@link ContextTrainer}. OUT holds the model's tensors unchanged plus the new context tensors. At
 * the end it prints the rate of the codec's own path on the first test images ({@link CodedRate}),
 * read back from OUT, and the float network's on the same images.
 */
@Command(name = "train-context", mixinStandardHelpOptions = true,
        description = {"Train the context model (the coder of lone images) into a copy of a model file.",
                "OUT keeps the model's tensors and gets new context.* ones; log.csv and bpd.png go to --log-dir."})
final class TrainContextCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Mixin
    TrainingDataOption data;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--out", paramLabel = "OUT.gzm", required = true, description = "The model file to write.")
    Path out;

    @Option(names = "--features", paramLabel = "KIND", defaultValue = "neighbourhood",
            description = "neighbourhood (sample values, as the Fashion-MNIST model) or residual (residuals from a predictor, as the"
                    + " photo models) (default: ${DEFAULT-VALUE}).")
    FeatureKind features;

    enum FeatureKind { neighbourhood, residual }

    @Option(names = "--radius", paramLabel = "R", defaultValue = "3",
            description = "Radius of the causal neighbourhood, 0.." + ContextModel.MAX_RADIUS
            + " (default: ${DEFAULT-VALUE}).")
    int radius;

    @Option(names = "--hidden", paramLabel = "N", defaultValue = "128",
            description = "Width of both hidden layers (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3",
            description = "Passes over the training samples (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1024",
            description = "Samples per optimizer step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "2e-3",
            description = "Adam's rate at the first step (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--final-lr", paramLabel = "RATE", defaultValue = "1e-4",
            description = "The rate at the last step, reached along a half cosine (default: ${DEFAULT-VALUE}).")
    double finalLearningRate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Fixes the initial weights and the sample order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--train-limit", paramLabel = "N", description = "Train on the first N training images only (default: all).")
    Integer trainLimit;

    @Option(names = "--test-limit", paramLabel = "N", description = "Measure each epoch on the first N test images only (default: all).")
    Integer testLimit;

    @Option(names = "--exact-images", paramLabel = "N", defaultValue = "1000",
            description = "Test images on which the rates of the codec's path and of the float network are printed at the end"
                    + " (default: ${DEFAULT-VALUE}).")
    int exactImages;

    @Option(names = "--log-dir", paramLabel = "DIR", description = "Folder of log.csv and bpd.png (default: OUT's folder).")
    Path logDirectory;

    @Option(names = "--context-from", paramLabel = "FILE",
            description = "Train nothing: give OUT the context model of FILE (it does not depend on the Glow beside it, so one serves"
                    + " a newer Glow checkpoint of the same image shape).")
    Path contextFrom;

    @Override
    public Integer call() throws Exception {
        ModelFile model = modelOption.codec().model();
        GlowConfig shape = model.config();
        ImageSet train = data.split(false, shape.channels());
        ImageSet test = data.split(true, shape.channels());
        for (ImageSet set : new ImageSet[] {train, test}) {
            if (set.channels() != shape.channels()) {
                throw new IllegalArgumentException(data.data + " holds " + set.channels() + "-channel images; the model has "
                        + shape.channels() + " channels");
            }
            if (set.height() != shape.height() || set.width() != shape.width()) {
                throw new IllegalArgumentException(data.data + " gives " + set.height() + "x" + set.width() + " images; the model's tiles are "
                        + shape.height() + "x" + shape.width() + " (--patch-size " + shape.height() + " for a folder of photos)");
            }
        }
        Path file = out.toAbsolutePath();
        int images = Math.min(exactImages, test.size());
        if (contextFrom != null) {
            ContextFiles.write(file, model, ContextFiles.contextOf(ModelFileReader.read(contextFrom)));
            System.out.println("wrote " + file + " with the context model of " + contextFrom);
            printCodedRate(file, test, images);
            return 0;
        }
        PrintStream progress = verbosity.progress();
        ContextFeatures contextFeatures = features == FeatureKind.residual ? new ResidualFeatures(radius, shape.channels())
                : new NeighbourhoodFeatures(radius, shape.channels());
        ContextTrainingOptions options = new ContextTrainingOptions(contextFeatures, shape.height(), shape.width(), hidden, epochs, batch, learningRate, finalLearningRate, seed,
                all(trainLimit), all(testLimit), logDirectory == null ? file.getParent() : logDirectory);
        progress.printf("training a context model (%s features, radius %d, hidden %d) on %d of %d images in %dx%d tiles, testing on %d%n",
                features, radius, options.hidden(), Math.min(options.trainImages(), train.size()), train.size(), shape.height(),
                shape.width(), Math.min(options.testImages(), test.size()));
        ContextNetwork network = new ContextTrainer(options, train, test, progress).run();
        ContextFiles.write(file, model, ContextFiles.contextTensors(network, contextFeatures));
        System.out.println("wrote " + file);
        printCodedRate(file, test, images);
        double float32 = ContextTrainer.bitsPerSample(network, new ContextSamples(test, images, contextFeatures, shape.height(), shape.width()));
        System.out.printf(Locale.ROOT, "first %d test images: %.4f bits per sample in float%n", images, float32);
        return 0;
    }

    /** The rate of the codec's own path, with the context model read back from {@code file}. */
    private static void printCodedRate(Path file, ImageSet test, int images) throws IOException {
        ContextModel written = ContextModel.of(ModelFileReader.read(file));
        System.out.printf(Locale.ROOT, "first %d test images: %.4f bits per sample on the codec path%n", images,
                CodedRate.bitsPerSample(written, test, images));
    }

    private static int all(Integer limit) {
        return limit == null ? Integer.MAX_VALUE : limit;
    }
}
