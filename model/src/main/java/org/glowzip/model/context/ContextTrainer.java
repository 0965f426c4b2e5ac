package org.glowzip.model.context;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.data.Shuffle;
import org.glowzip.model.train.Adam;
import org.glowzip.model.train.BpdPlot;
import org.glowzip.model.train.ProgressBar;
import org.glowzip.model.train.RunClock;
import org.glowzip.model.train.TrainingLog;
import org.glowzip.model.train.Workspaces;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a float {@link ContextNetwork} by minimum code length with Adam. Epoch e visits every
 * training sample once, in the order {@link Shuffle#permutation}{@code (samples, seed + e)}, B
 * samples a step (a last partial batch is dropped); the learning rate follows
 * {@link ContextTrainingOptions#learningRateAt}. After each epoch it measures the test bits per
 * sample in float.
 *
 * <p>Writes to the log directory {@code log.csv} ({@link TrainingLog}: a row every twentieth of
 * an epoch with the mean training bpd since the row before, the test bpd on epoch ends; its
 * images per second are samples per second over S) and {@code bpd.png} ({@link BpdPlot}).
 */
public final class ContextTrainer {
    private static final int LOG_ROWS_PER_EPOCH = 20;
    private static final int EVALUATION_BATCH = 8192;

    private final ContextTrainingOptions options;
    private final ContextSamples train;
    private final ContextSamples test;
    private final PrintStream console;

    public ContextTrainer(ContextTrainingOptions options, ImageSet train, ImageSet test, PrintStream console) {
        this.options = options;
        this.train = new ContextSamples(train, options.trainImages(), options.features(), options.tileHeight(), options.tileWidth());
        this.test = new ContextSamples(test, options.testImages(), options.features(), options.tileHeight(), options.tileWidth());
        if (this.train.count() < options.batchSize()) {
            throw new IllegalArgumentException("fewer training samples than one batch");
        }
        this.console = console;
    }

    /** Trains a fresh network and returns it. */
    public ContextNetwork run() throws IOException {
        Files.createDirectories(options.logDirectory());
        ContextNetwork network = new ContextNetwork(train.featureCount(), options.hidden(), DataType.FLOAT, options.seed());
        Adam adam = new Adam(network.parameters());
        TrainingLog log = new TrainingLog(options.logDirectory().resolve("log.csv"), 0, (double) options.batchSize() / train.imageSize());
        RunClock clock = new RunClock(0);
        long stepsPerEpoch = train.count() / options.batchSize();
        long totalSteps = stepsPerEpoch * options.epochs();
        long logEvery = Math.max(1, stepsPerEpoch / LOG_ROWS_PER_EPOCH);
        ProgressBar progress = new ProgressBar(console, totalSteps);
        int[] targets = new int[options.batchSize()];
        double bitsSum = 0;
        long bitsCount = 0;
        double runningBpd = Double.NaN;
        double secondsPerStep = Double.NaN;
        long step = 0;
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            int[] order = Shuffle.permutation(train.count(), options.seed() + epoch);
            long epochStart = System.nanoTime();
            for (long batch = 0; batch < stepsPerEpoch; batch++) {
                long start = System.nanoTime();
                double learningRate = options.learningRateAt(step, totalSteps);
                double bits;
                try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(Workspaces.STEP, "context-train")) {
                    INDArray features = train.examples(order, (int) (batch * options.batchSize()), options.batchSize(), targets, DataType.FLOAT);
                    bits = network.train(features, targets);
                    adam.update(learningRate);
                }
                step++;
                double seconds = (System.nanoTime() - start) / 1e9;
                secondsPerStep = Double.isNaN(secondsPerStep) ? seconds : 0.98 * secondsPerStep + 0.02 * seconds;
                runningBpd = Double.isNaN(runningBpd) ? bits : 0.99 * runningBpd + 0.01 * bits;
                bitsSum += bits;
                bitsCount++;
                double imagesPerSecond = options.batchSize() / secondsPerStep / train.imageSize();
                progress.update(step, runningBpd, imagesPerSecond, secondsPerStep);
                boolean epochEnd = batch == stepsPerEpoch - 1;
                if (step % logEvery == 0 || epochEnd) {
                    double testBpd = Double.NaN;
                    if (epochEnd) {
                        double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
                        testBpd = test.count() == 0 ? Double.NaN : bitsPerSample(network, test);
                        progress.message(String.format("epoch %d: test %.4f bpd on %d images, train %.4f bpd; %.0f s, %.0f samples/s",
                                epoch + 1, testBpd, test.images(), bitsSum / bitsCount, epochSeconds,
                                stepsPerEpoch * options.batchSize() / epochSeconds));
                    }
                    log.append(new TrainingLog.Row(step, (double) step / stepsPerEpoch, bitsSum / bitsCount, testBpd,
                            learningRate, imagesPerSecond, 0, clock.hours()));
                    BpdPlot.write(log.rows(), options.logDirectory().resolve("bpd.png"));
                    bitsSum = 0;
                    bitsCount = 0;
                }
            }
        }
        console.println();
        return network;
    }

    /** The mean code length of every sample of {@code samples} under {@code network}, in bits, in its float type. */
    public static double bitsPerSample(ContextNetwork network, ContextSamples samples) {
        int[] codes = new int[EVALUATION_BATCH];
        double total = 0;
        for (int from = 0; from < samples.count(); from += EVALUATION_BATCH) {
            int n = Math.min(EVALUATION_BATCH, samples.count() - from);
            for (int b = 0; b < n; b++) {
                codes[b] = from + b;
            }
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(Workspaces.STEP, "context-evaluate")) {
                int[] targets = new int[n];
                total += network.bits(samples.examples(codes, 0, n, targets, network.dataType()), targets);
            }
        }
        return total / samples.count();
    }
}
