package org.glowzip.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    @Test
    void theImportanceWeightedBoundOfEqualDrawsIsTheirValue() {
        assertEquals(3.25, Evaluator.importanceWeighted(new double[] {3.25, 3.25, 3.25}, 784), 1e-12);
    }

    @Test
    void aMuchWorseDrawCostsOneBitOfTheImageAndNoUnderflow() {
        assertEquals(3.0 + 1.0 / 784, Evaluator.importanceWeighted(new double[] {3.0, 3.5}, 784), 1e-12,
                "-log2((2^-2352 + 2^-2744) / 2) / 784");
        assertEquals(-Math.log((Math.pow(2, -4 * 2.0) + Math.pow(2, -4 * 2.5)) / 2) / (4 * Math.log(2)),
                Evaluator.importanceWeighted(new double[] {2.0, 2.5}, 4), 1e-12);
    }

    @Property(tries = 200)
    void itLiesBetweenTheBestDrawAndTheMean(@ForAll @Size(min = 1, max = 16) double[] draws, @ForAll @DoubleRange(min = 1, max = 4000) double scale) {
        double[] bpd = new double[draws.length];
        double mean = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < draws.length; k++) {
            bpd[k] = 3 + (Double.isFinite(draws[k]) ? Math.abs(draws[k]) % 1 : 0);
            mean += bpd[k] / draws.length;
            best = Math.min(best, bpd[k]);
        }
        double weighted = Evaluator.importanceWeighted(bpd, (long) scale);
        assertTrue(weighted >= best - 1e-12 && weighted <= mean + 1e-12, best + " <= " + weighted + " <= " + mean);
    }
}
