package org.glowzip.model.flow;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Uniform dequantization, {@code u ~ U[0, 1)}: {@code log q(u | p) = 0} (Theis et al. 2016); nothing to train. */
public final class UniformDequantization implements Dequantization {
    public static final UniformDequantization INSTANCE = new UniformDequantization();

    private UniformDequantization() {
    }

    @Override
    public INDArray dequantize(INDArray pixels, long seed, INDArray logQ) {
        Nd4j.getRandom().setSeed(seed);
        INDArray noise = Nd4j.rand(pixels.dataType(), pixels.shape());
        return noise.addi(pixels).divi(256.0).subi(0.5);
    }

    @Override
    public void backward(INDArray gradX, double logQWeight) {
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
