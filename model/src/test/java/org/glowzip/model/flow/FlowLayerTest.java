package org.glowzip.model.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.GlowLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Every layer inverts, and its log-determinant equals the brute-force Jacobian log-determinant. */
class FlowLayerTest {
    private static final int CHANNELS = 4;

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of("actnorm", (Supplier<FlowLayer>) () -> new ActNorm("a", CHANNELS, DataType.DOUBLE)),
                Arguments.of("invconv", (Supplier<FlowLayer>) () -> new InvertibleConv1x1("i", CHANNELS, DataType.DOUBLE, new Random(1))),
                Arguments.of("affine coupling", (Supplier<FlowLayer>) () -> new Coupling(new GlowLayout.Step("c"), CHANNELS, 8, CouplingType.AFFINE, DataType.DOUBLE, new Random(2))),
                Arguments.of("mixture coupling", (Supplier<FlowLayer>) () -> new Coupling(new GlowLayout.Step("c"), CHANNELS, 8, CouplingType.MIXTURE, DataType.DOUBLE, new Random(5))),
                Arguments.of("additive coupling", (Supplier<FlowLayer>) () -> new Coupling(new GlowLayout.Step("c"), CHANNELS, 8, CouplingType.ADDITIVE, DataType.DOUBLE, new Random(3))),
                Arguments.of("flow step", (Supplier<FlowLayer>) () -> new FlowStep(new GlowLayout.Step("s"), CHANNELS, 8, CouplingType.AFFINE, DataType.DOUBLE, new Random(4))));
    }

    /** A layer with every trainable parameter moved off its (often trivial) initial value. */
    private static FlowLayer perturbed(Supplier<FlowLayer> factory) {
        FlowLayer layer = factory.get();
        layer.forward(Nd4j.rand(DataType.DOUBLE, 8, CHANNELS, 3, 3), Nd4j.zeros(DataType.DOUBLE, 8));
        Nd4j.getRandom().setSeed(9);
        for (Parameter p : layer.parameters()) {
            if (p.trainable()) {
                p.value().addi(Nd4j.randn(DataType.DOUBLE, p.value().shape()).muli(0.1));
            }
        }
        return layer;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void reverseUndoesForward(String name, Supplier<FlowLayer> factory) {
        FlowLayer layer = perturbed(factory);
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 5, CHANNELS, 4, 4);
        INDArray y = layer.forward(x, Nd4j.zeros(DataType.DOUBLE, 5));
        assertTrue(y.sub(x).amaxNumber().doubleValue() > 1e-3, name + " is not the identity");
        assertEquals(0, layer.reverse(y).sub(x).amaxNumber().doubleValue(), 1e-4, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void logDetEqualsBruteForceJacobian(String name, Supplier<FlowLayer> factory) {
        FlowLayer layer = perturbed(factory);
        Nd4j.getRandom().setSeed(2);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 1, CHANNELS, 2, 2);
        INDArray logDet = Nd4j.zeros(DataType.DOUBLE, 1);
        layer.forward(x.dup(), logDet);
        double bruteForce = JacobianLogDet.of(input -> layer.forward(input, Nd4j.zeros(DataType.DOUBLE, 1)), x);
        assertEquals(bruteForce, logDet.getDouble(0), 1e-6, name);
    }

    @Test
    void actNormInitializesToZeroMeanUnitVariancePerChannel() {
        ActNorm actNorm = new ActNorm("a", 3, DataType.DOUBLE);
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 64, 3, 5, 5).muli(Nd4j.create(new double[] {0.1, 2, 30}).reshape(1, 3, 1, 1))
                .addi(Nd4j.create(new double[] {-4, 0, 7}).reshape(1, 3, 1, 1));
        INDArray y = actNorm.forward(x, Nd4j.zeros(DataType.DOUBLE, 64));
        INDArray mean = y.mean(0, 2, 3);
        INDArray std = y.std(false, 0, 2, 3);
        for (int c = 0; c < 3; c++) {
            assertEquals(0, mean.getDouble(c), 1e-9);
            assertEquals(1, std.getDouble(c), 1e-5);
        }
        INDArray later = actNorm.forward(x.mul(2), Nd4j.zeros(DataType.DOUBLE, 64));
        assertEquals(2, later.std(false, 0, 2, 3).getDouble(1), 1e-5, "initialization happens once");
    }

    @Test
    void squeezeIsAPermutationAndUnsqueezeItsInverse() {
        INDArray x = Nd4j.arange(2 * 3 * 4 * 6).castTo(DataType.DOUBLE).reshape(2, 3, 4, 6);
        INDArray squeezed = Tensors.squeeze(x);
        assertEquals(List.of(2L, 12L, 2L, 3L), List.of(squeezed.size(0), squeezed.size(1), squeezed.size(2), squeezed.size(3)));
        assertEquals(x.getDouble(1, 2, 3, 5), squeezed.getDouble(1, 4 * 2 + 2 + 1, 1, 2));
        assertEquals(x, Tensors.unsqueeze(squeezed));
    }

    @Test
    void wholeFlowInvertsInFloat() {
        Glow glow = new Glow(new GlowConfig(2, 2, 16, CouplingType.AFFINE, 1, 8, 8), DataType.FLOAT, 5);
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 1, 8, 8).subi(0.5);
        glow.forward(x);
        perturb(glow, DataType.FLOAT);
        Encoding encoding = glow.forward(x);
        assertEquals(0, glow.reverse(encoding.latents(), Inversion.EXACT).sub(x).amaxNumber().doubleValue(), 1e-4);
    }

    @Test
    void wholeFlowLogDetEqualsBruteForceJacobian() {
        Glow glow = new Glow(new GlowConfig(2, 1, 6, CouplingType.AFFINE, 1, 4, 4), DataType.DOUBLE, 6);
        Nd4j.getRandom().setSeed(5);
        glow.forward(Nd4j.rand(DataType.DOUBLE, 8, 1, 4, 4).subi(0.5));
        perturb(glow, DataType.DOUBLE);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, 1, 4, 4).subi(0.5);
        double logDet = glow.forward(x.dup()).logDet().getDouble(0);
        double bruteForce = JacobianLogDet.of(input -> {
            List<INDArray> flat = new ArrayList<>();
            for (INDArray latent : glow.forward(input).latents()) {
                flat.add(latent.dup('c').reshape(1, latent.length()));
            }
            return Nd4j.hstack(flat.toArray(new INDArray[0]));
        }, x);
        assertEquals(bruteForce, logDet, 1e-6);
    }

    @Test
    void samplingAtZeroTemperatureDecodesThePriorMeans() {
        Glow glow = new Glow(new GlowConfig(2, 1, 8, CouplingType.ADDITIVE, 1, 8, 8), DataType.FLOAT, 7);
        glow.forward(Nd4j.rand(DataType.FLOAT, 4, 1, 8, 8).subi(0.5));
        INDArray a = glow.sample(glow.noise(3, 1), 0.0, Inversion.EXACT);
        INDArray b = glow.sample(glow.noise(3, 2), 0.0, Inversion.EXACT);
        assertEquals(0, a.sub(b).amaxNumber().doubleValue(), 1e-6);
        INDArray warm = glow.sample(glow.noise(3, 1), 1.0, Inversion.EXACT);
        assertTrue(warm.sub(a).amaxNumber().doubleValue() > 1e-2);
    }

    @ParameterizedTest
    @MethodSource("latentConfigs")
    void latentShapesAreTheShapesOfTheLatents(GlowConfig config) {
        Glow glow = new Glow(config, DataType.FLOAT, 5);
        List<INDArray> latents = glow.forward(Nd4j.rand(DataType.FLOAT, 2, config.channels(), config.height(), config.width()).subi(0.5)).latents();
        List<long[]> shapes = glow.latentShapes(2);
        assertEquals(latents.size(), shapes.size());
        for (int i = 0; i < shapes.size(); i++) {
            assertArrayEquals(latents.get(i).shape(), shapes.get(i), "level " + i);
        }
    }

    static Stream<GlowConfig> latentConfigs() {
        return Stream.of(new GlowConfig(2, 1, 8, CouplingType.ADDITIVE, 1, 8, 8), new GlowConfig(3, 1, 8, CouplingType.AFFINE, 3, 16, 8));
    }

    static void perturb(Glow glow, DataType type) {
        perturb(glow, type, 0.05, 8);
    }

    /** Adds N(0, scale^2) noise drawn from seed {@code seed} to every trainable parameter. */
    static void perturb(Glow glow, DataType type, double scale, long seed) {
        Nd4j.getRandom().setSeed(seed);
        for (Parameter p : glow.parameters()) {
            if (p.trainable()) {
                p.value().addi(Nd4j.randn(type, p.value().shape()).muli(scale));
            }
        }
    }
}
