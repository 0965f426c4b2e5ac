package org.glowzip.model.train;

import org.glowzip.model.data.ImageSet;
import org.glowzip.model.flow.Dequantization;
import org.glowzip.model.flow.Glow;
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
        int n = Math.min(count, set.size());
        int[] order = set.order();
        double total = 0;
        for (int from = 0; from < n; from += batchSize) {
            int size = Math.min(batchSize, n - from);
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(Workspaces.STEP, "evaluate")) {
                INDArray logQ = Nd4j.zeros(glow.dataType(), size);
                INDArray x = dequantization.dequantize(set.batch(order, from, size, glow.dataType()), seed + from, logQ);
                total += glow.bitsPerDimension(glow.forward(x), logQ).sumNumber().doubleValue();
            }
        }
        return total / n;
    }
}
