package org.glowzip.model.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.model.train.Workspaces;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A conditioned Glow's tiles with neither neighbour ({@link Glow#forward(INDArray)}): the empty
 * border planes it keeps from batch to batch survive the training step's workspace, which
 * overwrites whatever was made inside it.
 */
class UnborderedTilesTest {
    @Test
    void theKeptEmptyBordersOutliveTheWorkspaceOfTheStepThatMadeThem() {
        GlowConfig config = new GlowConfig(2, 1, 4, CouplingType.AFFINE, 1, 4, 4);
        Glow glow = new Glow(config, GlowFeatures.CONDITIONED, DataType.DOUBLE, 3);
        GlowGradientTest.perturbAllParameters(glow); // the condition weights too, so the planes matter
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 1, 4, 4).subi(0.5);
        double expected = glow.bitsPerDimension(glow.forward(x, BorderPlanes.none(3, config, DataType.DOUBLE))).sumNumber().doubleValue();
        for (int step = 0; step < 4; step++) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(Workspaces.STEP, "unbordered")) {
                Nd4j.rand(DataType.DOUBLE, 64, 64); // what a step leaves in the workspace's memory
                assertEquals(expected, glow.bitsPerDimension(glow.forward(x)).sumNumber().doubleValue(), 1e-12, "step " + step);
            }
        }
    }
}
