package org.glowzip.model.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.flow.Dequantization;
import org.glowzip.model.flow.Glow;
import org.glowzip.model.flow.GlowFiles;
import org.glowzip.model.flow.Parameter;
import org.glowzip.model.flow.UniformDequantization;
import org.glowzip.model.flow.VariationalDequantization;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a {@link Glow}, and with it its {@link Dequantization} where that is variational, by
 * maximum likelihood (minimum bits per dimension; with variational dequantization the bound
 * {@code -log p(x) + log q(u | p)}) with Adam, linear
 * warm-up, global gradient-norm clipping and a guard that skips (and reports) any step whose loss
 * or gradient is not finite. Writes under the output directory: {@code checkpoints/} (see
 * {@link Checkpoint}), {@code log.csv} ({@link TrainingLog}), {@code bpd.png} ({@link BpdPlot}) and,
 * at the end, {@code model.gzm}. If a checkpoint exists there, training resumes from it. Where the
 * run averages its parameters ({@link ParameterAverage}), the test figures and the final model are
 * the average's; it returns the flow holding the average.
 *
 * <p>Step {@code s} uses the images {@code order(e)[b*B, (b+1)*B)} with {@code e = s / stepsPerEpoch},
 * {@code b = s mod stepsPerEpoch}, {@code order(e)} a shuffle seeded by {@code seed + e}, and
 * dequantization noise seeded by {@code seed} and {@code s}: a resumed run sees the same data.
 * Images per second are an exponential moving average over recent steps, evaluation excluded.
 * A conditioned Glow trains on tiles whose border sides are each absent with probability
 * {@value #ABSENT_SIDE}, about as often as at the edges of a photo's canvas, and is tested with both.
 */
public final class Trainer {
    /** The probability that a training tile's row above, or its column left, is absent. */
    static final double ABSENT_SIDE = 0.1;

    private final TrainingOptions options;
    private final ImageSet train;
    private final ImageSet test;
    private final PrintStream console;

    public Trainer(TrainingOptions options, ImageSet train, ImageSet test, PrintStream console) {
        int extra = options.features().conditioned() ? 1 : 0;
        if (train.channels() != options.model().channels() || train.height() != options.model().height() + extra
                || train.width() != options.model().width() + extra) {
            throw new IllegalArgumentException("training images do not have the model's input shape"
                    + (options.features().conditioned() ? " with a border row and column" : ""));
        }
        if (train.size() < options.batchSize()) {
            throw new IllegalArgumentException("fewer training images than one batch");
        }
        this.options = options;
        this.train = train;
        this.test = test;
        this.console = console;
    }

    /** Runs (or resumes) training to {@code totalSteps}; returns the trained flow. */
    public Glow run() throws IOException {
        Files.createDirectories(options.outputDirectory());
        Glow glow = new Glow(options.model(), options.features(), DataType.FLOAT, options.seed());
        Dequantization dequantization = options.posterior().fresh(options.model().channels(), options.model().hiddenWidth(),
                DataType.FLOAT, new Random(options.seed()));
        List<Parameter> parameters = new ArrayList<>(glow.parameters());
        parameters.addAll(dequantization.parameters());
        Adam adam = new Adam(parameters);
        ParameterAverage average = new ParameterAverage(adam.vector(), options.averageDecay());
        Checkpoint checkpoint = new Checkpoint(options.outputDirectory());
        long step = 0;
        LearningRateSchedule schedule = options.learningRate();
        if (checkpoint.latestStep() >= 0) {
            Checkpoint.Restored restored = checkpoint.restore(glow, dequantization, adam, average);
            step = restored.step();
            console.println("resumed from checkpoint at step " + step);
            if (restored.newParameters()) {
                schedule = schedule.warmingUpFrom(step);
                console.println("parameters new to the checkpoint: the learning rate warms up again over "
                        + schedule.warmupSteps() + " steps");
            }
        } else {
            initialize(glow);
            average.restart();
        }
        TrainingLog log = new TrainingLog(options.outputDirectory().resolve("log.csv"), step, options.batchSize());
        RunClock clock = new RunClock(log.hours());
        long stepsPerEpoch = train.size() / options.batchSize();
        ProgressBar progress = new ProgressBar(console, options.totalSteps());
        int[] order = train.shuffledOrder(options.seed() + step / stepsPerEpoch);
        double bpdSum = 0;
        long bpdCount = 0;
        long skipped = 0;
        double runningBpd = Double.NaN;
        double secondsPerStep = Double.NaN;
        while (step < options.totalSteps()) {
            long epoch = step / stepsPerEpoch;
            int batchIndex = (int) (step % stepsPerEpoch);
            if (batchIndex == 0) {
                order = train.shuffledOrder(options.seed() + epoch);
            }
            long start = System.nanoTime();
            double bpd = trainStep(glow, dequantization, adam, order, batchIndex, step, schedule.at(step, options.totalSteps()));
            average.update();
            double seconds = (System.nanoTime() - start) / 1e9;
            secondsPerStep = Double.isNaN(secondsPerStep) ? seconds : 0.95 * secondsPerStep + 0.05 * seconds;
            step++;
            if (Double.isNaN(bpd)) {
                skipped++;
                progress.message("step " + step + " skipped: non-finite loss or gradient (" + skipped + " skipped so far)");
            } else {
                bpdSum += bpd;
                bpdCount++;
                runningBpd = Double.isNaN(runningBpd) ? bpd : 0.98 * runningBpd + 0.02 * bpd;
            }
            double imagesPerSecond = options.batchSize() / secondsPerStep;
            progress.update(step, runningBpd, imagesPerSecond, secondsPerStep);
            boolean epochEnd = step % stepsPerEpoch == 0;
            boolean last = step == options.totalSteps();
            if (step % options.logEvery() == 0 || epochEnd || last) {
                double testBpd = Double.NaN;
                if ((epochEnd || last) && options.testImages() > 0) {
                    average.swap();
                    testBpd = Evaluator.bitsPerDimension(glow, dequantization, test, options.testImages(), options.batchSize(),
                            options.seed());
                    average.swap();
                    progress.message(String.format("step %d (epoch %.2f): test %.4f bpd on %d images, train %.4f bpd",
                            step, (double) step / stepsPerEpoch, testBpd, Math.min(options.testImages(), test.size()),
                            bpdCount == 0 ? Double.NaN : bpdSum / bpdCount));
                }
                log.append(new TrainingLog.Row(step, (double) step / stepsPerEpoch,
                        bpdCount == 0 ? Double.NaN : bpdSum / bpdCount, testBpd, schedule.at(step - 1, options.totalSteps()),
                        imagesPerSecond, skipped, clock.hours()));
                BpdPlot.write(log.rows(), options.outputDirectory().resolve("bpd.png"));
                bpdSum = 0;
                bpdCount = 0;
            }
            if (step % options.checkpointEvery() == 0 || last) {
                checkpoint.save(glow, dequantization, adam, average, step);
            }
        }
        average.swap();
        GlowFiles.save(glow, dequantization, options.outputDirectory().resolve("model.gzm"));
        console.println();
        console.println("wrote " + options.outputDirectory().resolve("model.gzm"));
        return glow;
    }

    /** Data-dependent actnorm initialization on the first images of the epoch-0 order. */
    private void initialize(Glow glow) {
        int[] order = train.shuffledOrder(options.seed());
        int size = Math.min(options.initBatchSize(), train.size());
        TileBatch tiles = TileBatch.of(glow, train, order, 0, size, ABSENT_SIDE, options.seed());
        glow.forward(UniformDequantization.INSTANCE.dequantize(tiles.pixels(), options.seed()), tiles.borders());
    }

    /** One optimizer step at {@code learningRate}; returns the batch's bpd, or NaN if the step was skipped. */
    private double trainStep(Glow glow, Dequantization dequantization, Adam adam, int[] order, int batchIndex, long step,
            double learningRate) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(Workspaces.STEP, "train")) {
            long seed = options.seed() * 1_000_003L + step;
            TileBatch tiles = TileBatch.of(glow, train, order, batchIndex * options.batchSize(), options.batchSize(), ABSENT_SIDE, seed);
            INDArray logQ = Nd4j.zeros(DataType.FLOAT, options.batchSize());
            INDArray x = dequantization.dequantize(tiles.pixels(), seed, logQ);
            double bpd = glow.bitsPerDimension(glow.forward(x, tiles.borders()), logQ).meanNumber().doubleValue();
            if (!Double.isFinite(bpd)) {
                return Double.NaN;
            }
            dequantization.backward(glow.backward(), glow.logQWeight());
            double norm = adam.gradientNorm();
            if (!Double.isFinite(norm)) {
                return Double.NaN;
            }
            if (norm > options.clipNorm()) {
                adam.scaleGradients(options.clipNorm() / norm);
            }
            adam.update(learningRate);
            return bpd;
        }
    }
}
