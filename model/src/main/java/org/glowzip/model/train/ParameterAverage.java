package org.glowzip.model.train;

import org.glowzip.model.flow.ParameterVector;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Polyak averaging: an exponential moving average of the trainable values,
 * {@code average <- d average + (1 - d) values} after every optimizer step, which is evaluated and
 * shipped in place of the last values. With {@code d = 0} it is off: the average is the values.
 * It starts as the values it is created or {@linkplain #restart() restarted} with.
 */
public final class ParameterAverage {
    private final ParameterVector vector;
    private final double decay;
    private final INDArray average;

    /**
     * @param decay {@code d} in {@code [0, 1)}
     */
    public ParameterAverage(ParameterVector vector, double decay) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("averaging decay " + decay + " outside [0, 1)");
        }
        this.vector = vector;
        this.decay = decay;
        this.average = vector.values().dup().detach();
    }

    /** Whether the average differs from the values, i.e. {@code d > 0}. */
    public boolean active() {
        return decay > 0;
    }

    /** Takes the values of the step just made into the average. */
    public void update() {
        if (active()) {
            average.muli(decay).addi(vector.values().mul(1 - decay));
        }
    }

    /** Starts the average again from the current values. */
    public void restart() {
        if (active()) {
            average.assign(vector.values());
        }
    }

    /** Exchanges the values and the average: the flow then computes with the average; a second swap undoes the first exactly. */
    public void swap() {
        if (active()) {
            INDArray values = vector.values().dup();
            vector.values().assign(average);
            average.assign(values);
        }
    }
}
