package org.glowzip.model.flow;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;

/** Where a Glow's dequantization noise comes from in training, and so what the bits-back coder pops it under. */
public enum Posterior {
    /** {@code u ~ U[0, 1)}: {@link UniformDequantization}. */
    UNIFORM,
    /** One logit-logistic per sample from a network of the image: {@link VariationalDequantization}. */
    LOGISTIC,
    /** {@link #LOGISTIC} on half the samples, a checkerboard, and on the others given their noise. */
    CHECKERBOARD;

    /** A fresh dequantization of this kind for images of {@code channels} channels, networks {@code hidden} wide. */
    public Dequantization fresh(int channels, int hidden, DataType type, Random random) {
        return this == UNIFORM ? UniformDequantization.INSTANCE
                : new VariationalDequantization(channels, hidden, this == CHECKERBOARD, type, random);
    }
}
