package org.glowzip.model.train;

import java.nio.file.Path;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.model.flow.GlowFeatures;
import org.glowzip.model.flow.Posterior;

/**
 * Everything a training run needs besides the data.
 *
 * @param model architecture of the flow
 * @param outputDirectory where checkpoints, the CSV log, the plot and the final model go
 * @param totalSteps optimizer steps of the whole run (a resumed run continues up to this)
 * @param batchSize images per step
 * @param learningRate the Adam learning rate of each step
 * @param clipNorm largest global gradient norm; larger gradients are scaled down to it
 * @param checkpointEvery steps between checkpoints (one is also written at the end)
 * @param logEvery steps between CSV rows
 * @param initBatchSize images used for the data-dependent actnorm initialization
 * @param testImages test images evaluated after each epoch (at most the test set size)
 * @param seed fixes initialization, data order and dequantization noise
 * @param posterior where the dequantization noise comes from: U[0, 1), or a posterior q(u | p)
 *     trained with the flow ({@link org.glowzip.model.flow.VariationalDequantization})
 * @param averageDecay the decay of the Polyak average of the parameters ({@link ParameterAverage}),
 *     which the test figures and the written models hold; 0 for none
 * @param features what the Glow has beyond the plain flow; a conditioned Glow reads its tiles'
 *     borders ({@link TileBatch}): its images are then one sample larger each way than its tiles
 */
public record TrainingOptions(GlowConfig model, Path outputDirectory, long totalSteps, int batchSize,
        LearningRateSchedule learningRate, double clipNorm, long checkpointEvery, long logEvery,
        int initBatchSize, int testImages, long seed, Posterior posterior, double averageDecay, GlowFeatures features) {

    public TrainingOptions {
        if (totalSteps < 1 || batchSize < 1 || !(clipNorm > 0)
                || checkpointEvery < 1 || logEvery < 1 || initBatchSize < 1 || testImages < 0
                || !(averageDecay >= 0 && averageDecay < 1)) {
            throw new IllegalArgumentException("invalid training options " + this);
        }
    }
}
