package org.glowzip.model.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Collects the parameters of a layer under a name prefix, in creation order. */
public final class ParameterList {
    private final String prefix;
    private final List<Parameter> parameters = new ArrayList<>();

    public ParameterList(String prefix) {
        this.prefix = prefix;
    }

    /** Registers a trainable parameter called {@code prefix + "." + name}. */
    public Parameter trainable(String name, INDArray initial) {
        return add(new Parameter(prefix + "." + name, initial, true));
    }

    /** Registers a fixed (saved, never trained) parameter. */
    public Parameter fixed(String name, INDArray initial) {
        return add(new Parameter(prefix + "." + name, initial, false));
    }

    /** Adds the parameters of a sub-layer. */
    public void addAll(List<Parameter> more) {
        parameters.addAll(more);
    }

    private Parameter add(Parameter parameter) {
        parameters.add(parameter);
        return parameter;
    }

    public List<Parameter> list() {
        return Collections.unmodifiableList(parameters);
    }
}
