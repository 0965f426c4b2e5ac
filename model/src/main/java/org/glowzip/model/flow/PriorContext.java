package org.glowzip.model.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.modelfile.PriorPhases;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The contexts of a prior whose latent is coded in phases ({@link PriorPhases}; the
 * {@code <prior>.context<k>} networks of {@link GlowLayout}): context {@code k}, a
 * {@link CouplingNetwork} of the level's output with the prior's latent kept only on the quarters
 * before {@code k}, adds its output to the prior's means and log standard deviations on quarter
 * {@code k} and the later ones. With two phases the prior scores
 * {@code p(z_even | kept) p(z_odd | kept, z_even)}, which a decoder computes in two passes. Each
 * network's last convolution starts at zero, so a fresh context leaves the prior as it was.
 */
public final class PriorContext {
    private final List<Integer> starts;
    private final List<CouplingNetwork> networks = new ArrayList<>();
    private final List<INDArray> visible = new ArrayList<>();
    private final List<INDArray> target = new ArrayList<>();
    private long latentFrom;

    /**
     * The contexts of {@code phases} of the prior {@code prior} at a level of {@code channels}
     * channels, which scores {@code scored} of them.
     */
    public PriorContext(String prior, PriorPhases phases, int channels, int scored, int hidden, DataType type, Random random) {
        this.starts = phases.contexts();
        for (int k : starts) {
            networks.add(new CouplingNetwork(n -> GlowLayout.contextConv(prior, k, n), channels, hidden, 2 * scored, type, random));
        }
    }

    /**
     * {@code parameters} (the means, then the log standard deviations, of the latent: channels
     * {@code latentFrom} on of {@code level}) with each context of {@code level} added where it
     * applies; remembers what {@link #backward} needs.
     */
    public INDArray addTo(INDArray parameters, INDArray level, long latentFrom) {
        this.latentFrom = latentFrom;
        visible.clear();
        target.clear();
        INDArray latent = Tensors.channels(level, latentFrom, level.size(1));
        INDArray sum = parameters.dup();
        for (int i = 0; i < starts.size(); i++) {
            int k = starts.get(i);
            INDArray seen = Tensors.quartersBefore(latent, k);
            INDArray input = latent.mul(seen);
            if (latentFrom > 0) {
                input = Tensors.concatChannels(Tensors.channels(level, 0, latentFrom), input);
            }
            INDArray applies = Tensors.quartersBefore(parameters, k).rsubi(1.0);
            sum.addi(networks.get(i).forward(input).muli(applies));
            visible.add(seen);
            target.add(applies);
        }
        return sum;
    }

    /** Stores the networks' gradients and returns dLoss/d(level), given dLoss/d(parameters) of the last {@link #addTo}. */
    public INDArray backward(INDArray gradParameters) {
        INDArray gradLevel = null;
        for (int i = 0; i < starts.size(); i++) {
            INDArray gradInput = networks.get(i).backward(gradParameters.mul(target.get(i)));
            INDArray gradLatent = Tensors.channels(gradInput, latentFrom, gradInput.size(1)).muli(visible.get(i));
            INDArray grad = latentFrom == 0 ? gradLatent : Tensors.concatChannels(Tensors.channels(gradInput, 0, latentFrom), gradLatent);
            gradLevel = gradLevel == null ? grad : gradLevel.addi(grad);
        }
        return gradLevel;
    }

    /** Rounds of sampling after the first that a prior with these contexts needs: each one settles one more phase. */
    public int samplingRounds() {
        return starts.size();
    }

    public List<Parameter> parameters() {
        return networks.stream().flatMap(network -> network.parameters().stream()).toList();
    }
}
