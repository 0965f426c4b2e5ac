package org.glowzip.model.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.modelfile.PriorPhases;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A prior in four phases samples phase by phase: each quarter of its latent depends on its own
 * noise and on the quarters before it, never on the ones after, and the sample is drawn from the
 * parameters its own quarters give.
 */
class PriorPhasesSamplingTest {
    private static final int CHANNELS = 2;
    private static final int SIDE = 4;

    @Test
    void eachQuarterIsDrawnGivenTheQuartersBeforeIt() {
        PriorContext context = new PriorContext(GlowLayout.TOP, PriorPhases.QUARTERS, CHANNELS, CHANNELS, 8, DataType.DOUBLE, new Random(1));
        TopPrior prior = new TopPrior(GlowLayout.TOP, CHANNELS, SIDE, SIDE, 0, Optional.of(context), DataType.DOUBLE);
        Nd4j.getRandom().setSeed(2);
        prior.parameters().forEach(p -> p.value().addi(Nd4j.randn(DataType.DOUBLE, p.value().shape()).muli(0.3)));
        INDArray eps = Nd4j.randn(DataType.DOUBLE, 1, CHANNELS, SIDE, SIDE);
        INDArray z = prior.sample(eps, 1.0, null);
        INDArray meanAndLogsd = Tensors.concatChannels(value(prior, GlowLayout.TOP_MEAN), value(prior, GlowLayout.TOP_LOGSD));
        INDArray given = context.addTo(meanAndLogsd, z, 0);
        INDArray redrawn = Gaussian.sample(Tensors.channels(given, 0, CHANNELS), Tensors.channels(given, CHANNELS, 2 * CHANNELS), eps, 1.0);
        assertEquals(0, redrawn.sub(z).amaxNumber().doubleValue(), 1e-12, "the sample is drawn from the parameters its quarters give");
        for (int quarter = 0; quarter < PriorPhases.QUARTER_COUNT; quarter++) {
            INDArray moved = prior.sample(eps.add(quarterMask(quarter)), 1.0, null);
            for (int other = 0; other < PriorPhases.QUARTER_COUNT; other++) {
                double change = moved.sub(z).muli(quarterMask(other)).amaxNumber().doubleValue();
                if (other < quarter) {
                    assertEquals(0, change, "quarter " + other + " does not read the noise of the later quarter " + quarter);
                } else {
                    assertTrue(change > 1e-3, "quarter " + other + " reads the noise of quarter " + quarter);
                }
            }
        }
    }

    private static INDArray value(TopPrior prior, String name) {
        return prior.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().value();
    }

    private static INDArray quarterMask(int quarter) {
        INDArray like = Nd4j.zeros(DataType.DOUBLE, 1, CHANNELS, SIDE, SIDE);
        return Tensors.quartersBefore(like, quarter + 1).subi(Tensors.quartersBefore(like, quarter));
    }
}
