package org.glowzip.model.flow;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.glowzip.codec.modelfile.GlowLayout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Variational dequantization with a conditional logit-logistic posterior: per sample
 * {@code u = sigmoid(a)}, {@code a = mu + exp(ls) * L}, {@code L = logit(v)} standard logistic,
 * {@code v ~ U(0, 1)}, where {@code (mu, ls)} is a {@link CouplingNetwork} of the image scaled to
 * {@code (p + 0.5) / 256 - 0.5}, from C channels to 2C (the tensors {@code dequantizer.conv1..3} of
 * {@link GlowLayout}). Its density is
 * {@code log q(u | p) = log v + log(1 - v) - ls + softplus(a) + softplus(-a)}. The network's last
 * convolution starts at zero, so a fresh q is the uniform distribution and a Glow trained with
 * uniform noise goes on from where it stands.
 *
 * <p>A checkerboard posterior keeps that noise on the samples whose row plus column is even and
 * draws the others the same way from a second network ({@code dequantizer.checkerboard.conv1..3})
 * of the scaled image and the kept noise, so that neighbouring noise can agree (each sample's noise
 * comes from its own v either way). Its second network
 * starts as a copy of the first that ignores the kept noise ({@link #secondFromFirst}), the
 * posterior of a single network.
 */
public final class VariationalDequantization implements Dequantization {
    /** v is drawn from [V_MIN, 1 - V_MIN], so that logit(v) is finite in float32. */
    private static final double V_MIN = 1e-6;

    private final int channels;
    private final CouplingNetwork network;
    private final Optional<CouplingNetwork> checkerboard;
    private LogitLogistic first;
    private LogitLogistic second;
    private INDArray even;

    /**
     * A fresh (uniform) posterior for images of {@code channels} channels, its networks {@code hidden}
     * wide; a checkerboard posterior where {@code checkerboard}.
     */
    public VariationalDequantization(int channels, int hidden, boolean checkerboard, DataType type, Random random) {
        this.channels = channels;
        this.network = new CouplingNetwork(GlowLayout::dequantizerConv, channels, hidden, 2 * channels, type, random);
        this.checkerboard = checkerboard
                ? Optional.of(new CouplingNetwork(GlowLayout::checkerboardConv, 2 * channels, hidden, 2 * channels, type, random))
                : Optional.empty();
    }

    /** Whether this is a checkerboard posterior. */
    public boolean checkerboard() {
        return checkerboard.isPresent();
    }

    /**
     * Makes the checkerboard's second network the first one, blind to the kept noise: the posterior
     * becomes that of the first network alone, where a run on a single network's checkpoint starts.
     */
    public void secondFromFirst() {
        List<Parameter> from = network.parameters();
        List<Parameter> to = checkerboard.orElseThrow().parameters();
        for (int i = 0; i < from.size(); i++) {
            INDArray target = to.get(i).value();
            target.assign(0.0);
            INDArray source = from.get(i).value();
            if (target.rank() == 4 && target.size(1) != source.size(1)) {
                target.get(all(), interval(0, source.size(1)), all(), all()).assign(source);
            } else {
                target.assign(source);
            }
        }
    }

    @Override
    public INDArray dequantize(INDArray pixels, long seed, INDArray logQ) {
        Nd4j.getRandom().setSeed(seed);
        INDArray scaled = pixels.add(0.5).divi(256.0).subi(0.5);
        INDArray v = Nd4j.rand(pixels.dataType(), pixels.shape()).muli(1 - 2 * V_MIN).addi(V_MIN);
        first = new LogitLogistic(network.forward(scaled), channels, v);
        INDArray noise = first.noise;
        INDArray logDensity = first.logDensity;
        if (checkerboard.isPresent()) {
            even = Tensors.evenSquares(pixels);
            INDArray kept = first.noise.sub(0.5).muli(even);
            second = new LogitLogistic(checkerboard.get().forward(Tensors.concatChannels(scaled, kept)), channels, v);
            INDArray odd = even.rsub(1.0);
            noise = first.noise.mul(even).addi(second.noise.mul(odd));
            logDensity = first.logDensity.mul(even).addi(second.logDensity.mul(odd));
        }
        logQ.addi(Tensors.sumPerSample(logDensity));
        return noise.add(pixels).divi(256.0).subi(0.5);
    }

    @Override
    public void backward(INDArray gradX, double logQWeight) {
        INDArray gradNoise = gradX.div(256.0);
        if (checkerboard.isEmpty()) {
            network.backward(first.backward(gradNoise, Nd4j.valueArrayOf(gradNoise.shape(), logQWeight, gradNoise.dataType())));
            return;
        }
        INDArray odd = even.rsub(1.0);
        INDArray gradInput = checkerboard.get().backward(second.backward(gradNoise.mul(odd), odd.mul(logQWeight)));
        INDArray gradFirst = gradNoise.addi(Tensors.channels(gradInput, channels, 2L * channels)).muli(even);
        network.backward(first.backward(gradFirst, even.mul(logQWeight)));
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(network.parameters());
        checkerboard.ifPresent(second -> all.addAll(second.parameters()));
        return all;
    }

    /** One draw of the logit-logistic noise from the network output {@code h} (C locations, then C log-scales). */
    private static final class LogitLogistic {
        private final INDArray noise;
        private final INDArray spread;
        private final INDArray logDensity;

        LogitLogistic(INDArray h, int channels, INDArray v) {
            INDArray logV = Transforms.log(v, true);
            INDArray logOneMinusV = Transforms.log(v.rsub(1.0), false);
            INDArray logScale = Tensors.channels(h, channels, 2L * channels);
            spread = Transforms.exp(logScale, true).muli(logV.sub(logOneMinusV));
            INDArray a = Tensors.channels(h, 0, channels).addi(spread);
            noise = Transforms.sigmoid(a, true);
            logDensity = logV.addi(logOneMinusV).subi(logScale).addi(Transforms.softPlus(a, true)).addi(Transforms.softPlus(a.negi(), false));
        }

        /** dLoss/dh, given dLoss/du and the weight of each sample's log-density in the loss. */
        INDArray backward(INDArray gradNoise, INDArray logDensityWeight) {
            INDArray gradA = gradNoise.mul(noise).muli(noise.rsub(1.0)).addi(noise.mul(2.0).subi(1.0).muli(logDensityWeight));
            INDArray gradLogScale = gradA.mul(spread).subi(logDensityWeight);
            return Tensors.concatChannels(gradA, gradLogScale);
        }
    }
}
