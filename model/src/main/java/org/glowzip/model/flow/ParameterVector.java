package org.glowzip.model.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The trainable parameters of a flow laid out in one flat value vector and one flat gradient
 * vector, each parameter a row-major view of its slice. An optimizer then updates everything with
 * a handful of whole-vector operations instead of several per tensor (hundreds of tensors: the
 * per-operation overhead dominated the update).
 */
public final class ParameterVector {
    private final List<Parameter> parameters;
    private final INDArray values;
    private final INDArray gradients;

    /** Moves the trainable parameters among {@code all} into flat vectors. */
    public ParameterVector(List<Parameter> all) {
        List<Parameter> trainable = new ArrayList<>();
        long total = 0;
        for (Parameter parameter : all) {
            if (parameter.trainable()) {
                trainable.add(parameter);
                total += parameter.value().length();
            }
        }
        if (trainable.isEmpty()) {
            throw new IllegalArgumentException("no trainable parameters");
        }
        this.parameters = Collections.unmodifiableList(trainable);
        this.values = Nd4j.zeros(trainable.get(0).value().dataType(), total).detach();
        this.gradients = Nd4j.zerosLike(values).detach();
        long offset = 0;
        for (Parameter parameter : trainable) {
            long length = parameter.value().length();
            long[] shape = parameter.value().shape();
            parameter.moveTo(slice(values, offset, length, shape), slice(gradients, offset, length, shape));
            offset += length;
        }
    }

    /** Views of {@code flat} (a vector as long as {@link #values()}), one per parameter, each shaped like it. */
    public List<INDArray> views(INDArray flat) {
        List<INDArray> views = new ArrayList<>();
        long offset = 0;
        for (Parameter parameter : parameters) {
            long length = parameter.value().length();
            views.add(slice(flat, offset, length, parameter.value().shape()));
            offset += length;
        }
        return views;
    }

    private static INDArray slice(INDArray flat, long offset, long length, long[] shape) {
        return flat.get(NDArrayIndex.interval(offset, offset + length)).reshape('c', shape);
    }

    /** The trainable parameters, in vector order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** All trainable values, one vector. */
    public INDArray values() {
        return values;
    }

    /** All gradients, one vector, in the same order. */
    public INDArray gradients() {
        return gradients;
    }
}
