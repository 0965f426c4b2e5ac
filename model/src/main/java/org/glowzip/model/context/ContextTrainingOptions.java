package org.glowzip.model.context;

import java.nio.file.Path;
import org.glowzip.codec.context.ContextFeatures;

/**
 * Everything a context-model training run needs besides the data.
 *
 * @param features what the network sees and what its symbols mean
 * @param tileHeight the height of the tiles the samples' images are cut into (see {@link ContextSamples})
 * @param tileWidth their width
 * @param hidden N, the width of both hidden layers
 * @param epochs passes over the training samples
 * @param batchSize samples per optimizer step
 * @param learningRate Adam's rate at the first step
 * @param finalLearningRate the rate at the last step; in between it follows a half cosine
 * @param seed fixes the initial weights and the sample order
 * @param trainImages training images used (the first ones; at most the set)
 * @param testImages test images whose bits per sample are measured after each epoch
 * @param logDirectory where {@code log.csv} and {@code bpd.png} go
 */
public record ContextTrainingOptions(ContextFeatures features, int tileHeight, int tileWidth, int hidden, int epochs, int batchSize, double learningRate,
        double finalLearningRate, long seed, int trainImages, int testImages, Path logDirectory) {

    public ContextTrainingOptions {
        if (tileHeight < 1 || tileWidth < 1 || hidden < 1 || epochs < 1 || batchSize < 1 || !(learningRate > 0) || !(finalLearningRate > 0)
                || trainImages < 1 || testImages < 0) {
            throw new IllegalArgumentException("invalid context training options " + this);
        }
    }

    /** The learning rate at {@code step} (0-based) of {@code totalSteps}: cosine from the first to the final rate. */
    public double learningRateAt(long step, long totalSteps) {
        double progress = totalSteps <= 1 ? 1 : (double) step / (totalSteps - 1);
        return finalLearningRate + (learningRate - finalLearningRate) * (1 + Math.cos(Math.PI * progress)) / 2;
    }
}
