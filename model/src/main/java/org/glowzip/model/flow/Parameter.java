package org.glowzip.model.flow;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A named tensor of a flow with its gradient. The value and gradient arrays are allocated
 * outside any workspace and updated in place; {@link ParameterVector} may move them once into
 * views of one flat array. Layers therefore call {@link #value()} each time and keep no copy. Non-trainable parameters (a fixed
 * permutation, a sign vector) are saved with the model but never updated by an optimizer.
 */
public final class Parameter {
    private final String name;
    private INDArray value;
    private INDArray gradient;
    private final boolean trainable;

    public Parameter(String name, INDArray initial, boolean trainable) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = initial.detach();
        this.gradient = Nd4j.zerosLike(this.value).detach();
        this.trainable = trainable;
    }

    public String name() {
        return name;
    }

    public INDArray value() {
        return value;
    }

    /** Gradient of the loss, written by the backward pass that last ran. */
    public INDArray gradient() {
        return gradient;
    }

    /** Copies the value into {@code newValue} and uses it and {@code newGradient} from now on. */
    void moveTo(INDArray newValue, INDArray newGradient) {
        newValue.assign(value);
        newGradient.assign(gradient);
        value = newValue;
        gradient = newGradient;
    }

    public boolean trainable() {
        return trainable;
    }
}
