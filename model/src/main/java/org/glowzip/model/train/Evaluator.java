package org.glowzip.model.train;

import org.glowzip.model.data.ImageSet;
import org.glowzip.model.flow.Dequantization;
import org.glowzip.model.flow.Glow;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Negative log-likelihood of a set of 8-bit images in bits per dimension, with one dequantization
 * sample per image: {@code -log p(x) + log q(u | p)}, an upper bound on the discrete NLL in
 * expectation (with uniform noise, {@code log q = 0}).
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** Mean bpd over the first {@code count} images of {@code set}, noise fixed by {@code seed}. */
    public static double bitsPerDimension(Glow glow, Dequantization dequantization, ImageSet set, int count, int batchSize,
            long seed) {
        double[] each = bitsPerImage(glow, dequantization, set, count, batchSize, seed);
        double total = 0;
        for (double bpd : each) {
            total += bpd;
        }
        return total / each.length;
    }

    /**
     * The bpd of each of the first {@code count} images of {@code set}, in order, noise fixed by
     * {@code seed}; a conditioned Glow's images are tiles with both sides of their border ({@link TileBatch}).
     */
    public static double[] bitsPerImage(Glow glow, Dequantization dequantization, ImageSet set, int count, int batchSize, long seed) {
        int n = Math.min(count, set.size());
        int[] order = set.order();
        double[] each = new double[n];
        for (int from = 0; from < n; from += batchSize) {
            int size = Math.min(batchSize, n - from);
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(Workspaces.STEP, "evaluate")) {
                INDArray logQ = Nd4j.zeros(glow.dataType(), size);
                TileBatch tiles = TileBatch.of(glow, set, order, from, size, 0, seed);
                INDArray x = dequantization.dequantize(tiles.pixels(), seed + from, logQ);
                double[] batch = glow.bitsPerDimension(glow.forward(x, tiles.borders()), logQ).castTo(DataType.DOUBLE).toDoubleVector();
                System.arraycopy(batch, 0, each, from, size);
            }
        }
        return each;
    }

    /**
     * The importance-weighted bound (Burda et al. 2016) of one image in bpd, from its bounds
     * {@code bpd[k]} under {@code K} independent noise draws:
     * {@code -log2(mean_k 2^(-D bpd[k])) / D} for {@code D} dimensions. It lies between the true
     * NLL and the mean of the draws, and tends to the NLL as K grows: the mean minus it is at least
     * what a better posterior q(u | x) could still gain.
     */
    public static double importanceWeighted(double[] bpd, long dimensions) {
        double least = Double.POSITIVE_INFINITY;
        for (double b : bpd) {
            least = Math.min(least, b);
        }
        double sum = 0;
        for (double b : bpd) {
            sum += Math.pow(2, -(b - least) * dimensions);
        }
        return least - Math.log(sum / bpd.length) / (Math.log(2) * dimensions);
    }
}
