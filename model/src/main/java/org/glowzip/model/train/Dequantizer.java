package org.glowzip.model.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Uniform dequantization: 8-bit values {@code p} in {0..255} become {@code (p + u) / 256 - 0.5}
 * with {@code u ~ U[0, 1)}, the flow's input range [-0.5, 0.5). The density of this continuous
 * input bounds the discrete probability of {@code p} from below (Theis et al. 2016).
 */
public final class Dequantizer {
    private Dequantizer() {
    }

    /** Dequantizes {@code pixels} (values 0..255) with noise drawn from a generator seeded by {@code seed}. */
    public static INDArray dequantize(INDArray pixels, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray noise = Nd4j.rand(pixels.dataType(), pixels.shape());
        return noise.addi(pixels).divi(256.0).subi(0.5);
    }

    /** The pixel values 0..255 of a flow input in [-0.5, 0.5), rounding down and clamping. */
    public static INDArray quantize(INDArray x) {
        INDArray pixels = Transforms.floor(x.add(0.5).muli(256.0), false);
        return Transforms.min(Transforms.max(pixels, 0.0, false), 255.0, false);
    }
}
