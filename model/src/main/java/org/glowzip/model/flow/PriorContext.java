package org.glowzip.model.flow;

import java.util.List;
import java.util.Random;
import org.glowzip.codec.modelfile.GlowLayout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The checkerboard context of a prior ({@code <prior>.context} of {@link GlowLayout}): a
 * {@link CouplingNetwork} of the level's output, the prior's latent kept only where row plus
 * column is even, whose output adds to the prior's means and log standard deviations where row
 * plus column is odd. The prior then scores {@code p(z_even | kept) p(z_odd | kept, z_even)}, which
 * a decoder computes in two passes. The network's last convolution starts at zero, so a fresh
 * context leaves the prior as it was.
 */
public final class PriorContext {
    private final CouplingNetwork network;
    private INDArray even;
    private INDArray odd;
    private long latentFrom;

    /** The context of the prior {@code prior} at a level of {@code channels} channels, which scores {@code scored} of them. */
    public PriorContext(String prior, int channels, int scored, int hidden, DataType type, Random random) {
        this.network = new CouplingNetwork(n -> GlowLayout.contextConv(prior, n), channels, hidden, 2 * scored, type, random);
    }

    /**
     * {@code parameters} (the means, then the log standard deviations, of the latent: channels
     * {@code latentFrom} on of {@code level}) with the context of {@code level} added where row
     * plus column is odd; remembers what {@link #backward} needs.
     */
    public INDArray addTo(INDArray parameters, INDArray level, long latentFrom) {
        this.latentFrom = latentFrom;
        INDArray latent = Tensors.channels(level, latentFrom, level.size(1));
        even = Tensors.evenSquares(latent);
        INDArray visible = latent.mul(even);
        INDArray input = latentFrom == 0 ? visible : Tensors.concatChannels(Tensors.channels(level, 0, latentFrom), visible);
        odd = Tensors.evenSquares(parameters).rsubi(1.0);
        return parameters.add(network.forward(input).muli(odd));
    }

    /** Stores the network's gradients and returns dLoss/d(level), given dLoss/d(parameters) of the last {@link #addTo}. */
    public INDArray backward(INDArray gradParameters) {
        INDArray gradInput = network.backward(gradParameters.mul(odd));
        INDArray gradLatent = Tensors.channels(gradInput, latentFrom, gradInput.size(1)).muli(even);
        return latentFrom == 0 ? gradLatent : Tensors.concatChannels(Tensors.channels(gradInput, 0, latentFrom), gradLatent);
    }

    public List<Parameter> parameters() {
        return network.parameters();
    }
}
