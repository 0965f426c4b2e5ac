package org.glowzip.model.flow;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * How 8-bit values {@code p} in {0..255} become the flow's continuous input
 * {@code x = (p + u) / 256 - 0.5} in [-0.5, 0.5), with noise {@code u} in [0, 1) drawn from
 * {@code q(u | p)}. For any q, {@code -log p_flow(x) + log q(u | p)} bounds the discrete
 * {@code -log P(p)} from above in expectation (the variational bound of Flow++, Ho et al. 2019); a
 * bits-back coder pays exactly that, popping u from q and pushing x.
 */
public interface Dequantization {
    /**
     * The flow input for {@code pixels} [N, C, H, W] (values 0..255) with noise drawn from a
     * generator seeded by {@code seed}; adds {@code log q(u | p)} of each image, in nats, into
     * {@code logQ} [N]. Remembers what {@link #backward} needs.
     */
    INDArray dequantize(INDArray pixels, long seed, INDArray logQ);

    /** {@link #dequantize(INDArray, long, INDArray)} without the log-densities. */
    default INDArray dequantize(INDArray pixels, long seed) {
        return dequantize(pixels, seed, Nd4j.zeros(pixels.dataType(), pixels.size(0)));
    }

    /**
     * Backpropagates through the last {@link #dequantize} call: {@code gradX} is dLoss/dx and
     * {@code logQWeight} the weight of each image's {@code log q} in the loss; stores the gradients
     * of {@link #parameters()}.
     */
    void backward(INDArray gradX, double logQWeight);

    /** The trainable parameters of q, in a fixed order (none for uniform noise). */
    List<Parameter> parameters();

    /** The pixel values 0..255 of a flow input in [-0.5, 0.5), rounding down and clamping. */
    static INDArray quantize(INDArray x) {
        INDArray pixels = Transforms.floor(x.add(0.5).muli(256.0), false);
        return Transforms.min(Transforms.max(pixels, 0.0, false), 255.0, false);
    }
}
