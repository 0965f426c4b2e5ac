package org.glowzip.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.glowzip.model.flow.Parameter;
import org.glowzip.model.flow.ParameterVector;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ParameterAverageTest {
    private final Parameter weight = new Parameter("w", Nd4j.createFromArray(1f, 2f), true);
    private final Parameter fixed = new Parameter("p", Nd4j.createFromArray(7f), false);
    private final ParameterVector vector = new ParameterVector(List.of(weight, fixed));

    @Test
    void theAverageDecaysTowardsTheValuesAndSwapsWithThemExactly() {
        ParameterAverage average = new ParameterAverage(vector, 0.5);
        assertTrue(average.active());
        weight.value().assign(Nd4j.createFromArray(3f, 6f));
        average.update();
        weight.value().assign(Nd4j.createFromArray(5f, 10f));
        average.update();
        average.swap();
        assertArrayEquals(new float[] {0.25f * 1 + 0.25f * 3 + 0.5f * 5, 0.25f * 2 + 0.25f * 6 + 0.5f * 10}, weight.value().toFloatVector());
        assertArrayEquals(new float[] {7f}, fixed.value().toFloatVector(), "only trainable parameters are averaged");
        average.swap();
        assertArrayEquals(new float[] {5f, 10f}, weight.value().toFloatVector(), "a second swap puts the values back");
        average.restart();
        average.swap();
        assertArrayEquals(new float[] {5f, 10f}, weight.value().toFloatVector(), "restarted from the values");
    }

    @Test
    void aDecayOfZeroIsNoAverage() {
        ParameterAverage none = new ParameterAverage(vector, 0);
        assertFalse(none.active());
        weight.value().assign(Nd4j.createFromArray(3f, 6f));
        none.update();
        none.swap();
        assertArrayEquals(new float[] {3f, 6f}, weight.value().toFloatVector());
        assertThrows(IllegalArgumentException.class, () -> new ParameterAverage(vector, 1));
        assertThrows(IllegalArgumentException.class, () -> new ParameterAverage(vector, -0.1));
    }
}
