package org.glowzip.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.PriorPhases;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.flow.GlowFeatures;
import org.glowzip.model.flow.Posterior;
import org.glowzip.model.train.LearningRateSchedule;
import org.glowzip.model.train.Trainer;
import org.glowzip.model.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glowzip train}: trains (or resumes) a Glow with the model module's {@link Trainer}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train (or resume) a Glow on a data folder.",
                "Checkpoints, log.csv, bpd.png and at the end model.gzm go to --out; rerunning with the same --out resumes."})
final class TrainCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Mixin
    TrainingDataOption data;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Run folder.")
    Path out;

    @Option(names = "--levels", paramLabel = "N", defaultValue = "2",
            description = "Levels of the multi-scale flow (default: ${DEFAULT-VALUE}).")
    int levels;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "8", description = "Flow steps per level (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--width", paramLabel = "N", defaultValue = "128",
            description = "Channels of the coupling networks' hidden layers (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--coupling", paramLabel = "TYPE", defaultValue = "AFFINE",
            description = "Coupling: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). MIXTURE on a run folder whose"
                    + " checkpoint is the same Glow with AFFINE couplings goes on from that Glow: its mixture curves start as the identity.")
    CouplingType coupling;

    @Option(names = "--channels", paramLabel = "N", defaultValue = "1",
            description = "Channels of the images of image folders; IDX files are gray (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--total-steps", paramLabel = "N", defaultValue = "20000",
            description = "Optimizer steps of the whole run (default: ${DEFAULT-VALUE}).")
    long totalSteps;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64", description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "1e-3",
            description = "Peak Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "500",
            description = "Steps of linear warm-up to the peak rate (default: ${DEFAULT-VALUE}); on resuming from a checkpoint"
                    + " without optimizer state for some parameters (see --coupling, --variational), again from its step.")
    long warmup;

    @Option(names = "--decay-from", paramLabel = "STEP",
            description = "Step from which the learning rate falls on a half cosine to --final-lr at --total-steps"
                    + " (default: it stays at its peak). May be set when resuming a run.")
    Long decayFrom;

    @Option(names = "--final-lr", paramLabel = "RATE", defaultValue = "1e-6",
            description = "Learning rate at the last step when it decays (default: ${DEFAULT-VALUE}).")
    double finalLearningRate;

    @Option(names = "--clip", paramLabel = "NORM", defaultValue = "50",
            description = "Largest global gradient norm (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "500",
            description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
    long checkpointEvery;

    @Option(names = "--log-every", paramLabel = "N", defaultValue = "50",
            description = "Steps between rows of log.csv (default: ${DEFAULT-VALUE}).")
    long logEvery;

    @Option(names = "--init-batch", paramLabel = "N", defaultValue = "512",
            description = "Images for the data-dependent actnorm initialization (default: ${DEFAULT-VALUE}).")
    int initBatch;

    @Option(names = "--test-images", paramLabel = "N", defaultValue = "10000",
            description = "Test images evaluated after each epoch (default: ${DEFAULT-VALUE}).")
    int testImages;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Fixes initialization, data order and dequantization noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--variational", paramLabel = "KIND", arity = "0..1", defaultValue = "UNIFORM", fallbackValue = "LOGISTIC",
            description = "Train a dequantization posterior q(u | x) with the flow (variational dequantization; the bound"
            + " -log p(x) + log q(u | x) is what the bpd figures report) instead of uniform noise: LOGISTIC (the default"
            + " kind) draws each sample's noise from a logit-logistic given by a network of the image; CHECKERBOARD draws"
            + " half the samples so and the other half given their noise too. On a run folder whose checkpoint has uniform"
            + " noise, training goes on from that Glow with a fresh q, which starts uniform; CHECKERBOARD on a LOGISTIC"
            + " checkpoint starts from its posterior.")
    Posterior posterior;

    @Option(names = "--average", paramLabel = "DECAY", defaultValue = "0",
            description = "Polyak averaging: test figures and written models use an exponential moving average of the"
                    + " parameters with this decay per step, e.g. 0.999 (default: ${DEFAULT-VALUE}, none). Checkpoints keep it"
                    + " as average.gzm beside model.gzm; a resumed run without one starts it from the restored parameters.")
    double averageDecay;

    @Option(names = "--condition", description = "Condition the Glow on the decoded samples next to each tile (the row above,"
            + " the column left), as the codec codes a photo's tiles; with --patch-size P it trains on (P+1)x(P+1) patches. On a"
            + " run folder whose checkpoint is the same Glow without the condition, training goes on from that Glow: the"
            + " conditions start at zero.")
    boolean condition;

    @Option(names = "--prior-phases", description = "The phases in which each prior codes its latent: SINGLE (under the prior"
            + " alone, the default), CHECKERBOARD (the squares whose row plus column is even, then the odd ones given them) or"
            + " QUARTERS (the four quarters of squares of an even or odd row and column, each given the ones before). Each phase"
            + " after the first has a context, a network of the level's output and the latent of the phases before it, which a"
            + " decoder runs once per phase. On a run folder whose checkpoint has fewer phases, training goes on from that Glow:"
            + " the new contexts start at zero.")
    PriorPhases priorPhases = PriorPhases.SINGLE;

    @Override
    public Integer call() throws Exception {
        PrintStream progress = verbosity.progress();
        ImageSet train = data.split(false, channels, condition);
        ImageSet test = data.split(true, channels, condition);
        int border = condition ? 1 : 0;
        GlowConfig model = new GlowConfig(levels, steps, width, coupling, train.channels(), train.height() - border,
                train.width() - border);
        TrainingOptions options = new TrainingOptions(model, out, totalSteps, batch, new LearningRateSchedule(learningRate,
                0, warmup, decayFrom == null ? LearningRateSchedule.NO_DECAY : decayFrom, decayFrom == null ? learningRate : finalLearningRate), clip, checkpointEvery,
                logEvery, initBatch, testImages, seed, posterior, averageDecay, new GlowFeatures(condition, priorPhases));
        progress.println("training " + (condition ? "conditioned " : "") + model + (priorPhases == PriorPhases.SINGLE ? "" : " with priors in phases " + priorPhases) + " on " + train.size() + " images, testing on "
                + Math.min(test.size(), options.testImages()));
        new Trainer(options, train, test, progress).run();
        return 0;
    }
}
