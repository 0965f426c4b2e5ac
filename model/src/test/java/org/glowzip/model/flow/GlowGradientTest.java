package org.glowzip.model.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.glowzip.codec.flow.TileBorder;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.modelfile.PriorPhases;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The hand-written backward pass of the whole flow against finite differences, in double precision. */
class GlowGradientTest {
    @ParameterizedTest
    @EnumSource(CouplingType.class)
    void everyParameterAndTheInputGradientMatchFiniteDifferences(CouplingType type) {
        Glow glow = new Glow(new GlowConfig(2, 1, 4, type, 1, 4, 4), DataType.DOUBLE, 3);
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 1, 4, 4).subi(0.5);
        glow.forward(x);
        perturbAllParameters(glow);
        glow.forward(x);
        INDArray gradX = glow.backward().dup();
        List<Parameter> parameters = glow.parameters();
        for (Parameter p : parameters) {
            if (p.trainable()) {
                GradientCheck.assertGradient(p.name(), p.value(), p.gradient().dup(), () -> loss(glow, x), 3);
            }
        }
        GradientCheck.assertGradient("input", x, gradX, () -> loss(glow, x), 8);
    }

    /** The border condition's gradients too: a conditioned Glow on tiles with random borders, some sides absent. */
    @ParameterizedTest
    @EnumSource(CouplingType.class)
    void aConditionedGlowsGradientsMatchFiniteDifferences(CouplingType type) {
        GlowConfig config = new GlowConfig(2, 1, 4, type, 1, 4, 4);
        Glow glow = new Glow(config, GlowFeatures.CONDITIONED, DataType.DOUBLE, 3);
        SplittableRandom random = new SplittableRandom(13);
        List<TileBorder> borders = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            borders.add(new TileBorder(1, 4, 4, n == 1 ? null : randomSamples(random, 4), n == 2 ? null : randomSamples(random, 4)));
        }
        Nd4j.getRandom().setSeed(11);
        assertGradientsMatchFiniteDifferences(glow, Nd4j.rand(DataType.DOUBLE, 3, 1, 4, 4).subi(0.5),
                BorderPlanes.of(borders, config, DataType.DOUBLE));
        assertTrue(glow.parameters().stream().anyMatch(p -> p.name().equals(GlowLayout.conditionWeight(GlowLayout.TOP))));
    }

    /** The priors' contexts' gradients too, on a conditioned Glow whose priors code in four phases (three contexts each). */
    @ParameterizedTest
    @EnumSource(CouplingType.class)
    void aGlowWithPriorContextsGradientsMatchFiniteDifferences(CouplingType type) {
        GlowConfig config = new GlowConfig(2, 1, 4, type, 1, 8, 8);
        Glow glow = new Glow(config, new GlowFeatures(true, PriorPhases.QUARTERS), DataType.DOUBLE, 3);
        SplittableRandom random = new SplittableRandom(17);
        List<TileBorder> borders = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            borders.add(new TileBorder(1, 8, 8, randomSamples(random, 8), n == 1 ? null : randomSamples(random, 8)));
        }
        Nd4j.getRandom().setSeed(19);
        assertGradientsMatchFiniteDifferences(glow, Nd4j.rand(DataType.DOUBLE, 2, 1, 8, 8).subi(0.5),
                BorderPlanes.of(borders, config, DataType.DOUBLE));
        for (int k : PriorPhases.QUARTERS.contexts()) {
            assertTrue(glow.parameters().stream().anyMatch(p -> p.name().equals(GlowLayout.contextConv(GlowLayout.TOP, k, 3) + ".weight")));
            assertTrue(glow.parameters().stream().anyMatch(p -> p.name().equals(GlowLayout.contextConv("level0.prior", k, 1) + ".weight")));
        }
    }

    /** Every trainable parameter's gradient and the input's, after moving the parameters off their start, on {@code x} with {@code border}. */
    private static void assertGradientsMatchFiniteDifferences(Glow glow, INDArray x, BorderPlanes border) {
        glow.forward(x, border);
        perturbAllParameters(glow);
        glow.forward(x, border);
        INDArray gradX = glow.backward().dup();
        for (Parameter p : glow.parameters()) {
            if (p.trainable()) {
                GradientCheck.assertGradient(p.name(), p.value(), p.gradient().dup(),
                        () -> glow.bitsPerDimension(glow.forward(x, border)).meanNumber().doubleValue(), 3);
            }
        }
        GradientCheck.assertGradient("input", x, gradX, () -> glow.bitsPerDimension(glow.forward(x, border)).meanNumber().doubleValue(), 8);
    }

    private static byte[] randomSamples(SplittableRandom random, int count) {
        byte[] samples = new byte[count];
        for (int i = 0; i < count; i++) {
            samples[i] = (byte) random.nextInt(256);
        }
        return samples;
    }

    /** Moves every trainable parameter off its initial value so no gradient is trivially zero. */
    static void perturbAllParameters(Glow glow) {
        Nd4j.getRandom().setSeed(5);
        for (Parameter p : glow.parameters()) {
            if (p.trainable()) {
                p.value().addi(Nd4j.randn(DataType.DOUBLE, p.value().shape()).muli(0.05));
            }
        }
    }

    private static double loss(Glow glow, INDArray x) {
        return glow.bitsPerDimension(glow.forward(x)).meanNumber().doubleValue();
    }
}
