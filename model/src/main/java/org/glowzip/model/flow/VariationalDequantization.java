package org.glowzip.model.flow;

import java.util.List;
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
 */
public final class VariationalDequantization implements Dequantization {
    /** v is drawn from [V_MIN, 1 - V_MIN], so that logit(v) is finite in float32. */
    private static final double V_MIN = 1e-6;

    private final int channels;
    private final CouplingNetwork network;
    private INDArray noise;
    private INDArray spread;

    /** A fresh (uniform) posterior for images of {@code channels} channels, its network {@code hidden} wide. */
    public VariationalDequantization(int channels, int hidden, DataType type, Random random) {
        this.channels = channels;
        this.network = new CouplingNetwork(GlowLayout::dequantizerConv, channels, hidden, 2 * channels, type, random);
    }

    @Override
    public INDArray dequantize(INDArray pixels, long seed, INDArray logQ) {
        Nd4j.getRandom().setSeed(seed);
        INDArray v = Nd4j.rand(pixels.dataType(), pixels.shape()).muli(1 - 2 * V_MIN).addi(V_MIN);
        INDArray logV = Transforms.log(v, true);
        INDArray logOneMinusV = Transforms.log(v.rsub(1.0), false);
        INDArray h = network.forward(pixels.add(0.5).divi(256.0).subi(0.5));
        INDArray logScale = Tensors.channels(h, channels, 2L * channels);
        spread = Transforms.exp(logScale, true).muli(logV.sub(logOneMinusV));
        INDArray a = Tensors.channels(h, 0, channels).addi(spread);
        noise = Transforms.sigmoid(a, true);
        INDArray logDensity = logV.addi(logOneMinusV).subi(logScale)
                .addi(Transforms.softPlus(a, true)).addi(Transforms.softPlus(a.negi(), false));
        logQ.addi(Tensors.sumPerSample(logDensity));
        return noise.add(pixels).divi(256.0).subi(0.5);
    }

    @Override
    public void backward(INDArray gradX, double logQWeight) {
        INDArray gradA = gradX.div(256.0).muli(noise).muli(noise.rsub(1.0))
                .addi(noise.mul(2.0).subi(1.0).muli(logQWeight));
        INDArray gradLogScale = gradA.mul(spread).subi(logQWeight);
        network.backward(Tensors.concatChannels(gradA, gradLogScale));
    }

    @Override
    public List<Parameter> parameters() {
        return network.parameters();
    }
}
