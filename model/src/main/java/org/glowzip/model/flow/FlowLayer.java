package org.glowzip.model.flow;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One invertible layer {@code y = f(x)} on {@code [N, C, H, W]} tensors, shape preserving.
 *
 * <p>{@link #forward} remembers what {@link #backward} needs; a backward call refers to the most
 * recent forward call. The loss is assumed to depend on the log-determinant of sample {@code n}
 * through {@code logDetWeight * logdet[n]}, the same weight for every sample.
 */
public interface FlowLayer {
    /** Returns {@code f(x)} and adds {@code log|det df/dx|} of each sample to {@code logDet} ({@code [N]}). */
    INDArray forward(INDArray x, INDArray logDet);

    /** Returns {@code f^-1(y)}. */
    INDArray reverse(INDArray y);

    /**
     * Given dLoss/dy of the last forward call, stores the parameter gradients and returns
     * dLoss/dx.
     */
    INDArray backward(INDArray gradY, double logDetWeight);

    List<Parameter> parameters();
}
