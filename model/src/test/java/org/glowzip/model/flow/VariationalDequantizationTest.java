package org.glowzip.model.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The variational posterior: uniform when fresh, and its hand-written gradients of the bound against finite differences. */
class VariationalDequantizationTest {
    private static final GlowConfig SMALL = new GlowConfig(2, 1, 4, CouplingType.AFFINE, 1, 4, 4);

    private static INDArray pixels() {
        Nd4j.getRandom().setSeed(11);
        INDArray pixels = Transforms.floor(Nd4j.rand(DataType.DOUBLE, 3, 1, 4, 4).muli(256.0), false);
        pixels.putScalar(0, 0.0);
        pixels.putScalar(1, 255.0);
        return pixels;
    }

    @Test
    void aFreshPosteriorIsTheUniformDistribution() {
        VariationalDequantization q = new VariationalDequantization(1, 4, false, DataType.DOUBLE, new Random(2));
        INDArray pixels = pixels();
        INDArray logQ = Nd4j.zeros(DataType.DOUBLE, 3);
        INDArray x = q.dequantize(pixels, 5, logQ);
        INDArray uniform = UniformDequantization.INSTANCE.dequantize(pixels, 5);
        assertEquals(0.0, logQ.amaxNumber().doubleValue(), 1e-9, "log q of the uniform distribution");
        assertEquals(0.0, x.sub(uniform).amaxNumber().doubleValue(), 1e-8, "the same noise as uniform dequantization");
    }

    @ParameterizedTest(name = "checkerboard {0}")
    @ValueSource(booleans = {false, true})
    void noiseStaysInsideItsPixelsInterval(boolean checkerboard) {
        VariationalDequantization q = new VariationalDequantization(1, 4, checkerboard, DataType.DOUBLE, new Random(2));
        perturb(q, 2.0);
        INDArray pixels = pixels();
        INDArray x = q.dequantize(pixels, 5);
        INDArray u = x.add(0.5).muli(256.0).subi(pixels);
        assertTrue(u.minNumber().doubleValue() >= 0 && u.maxNumber().doubleValue() <= 1, "u in [0, 1]: " + u);
    }

    @ParameterizedTest(name = "checkerboard {0}")
    @ValueSource(booleans = {false, true})
    void gradientsOfTheBoundMatchFiniteDifferences(boolean checkerboard) {
        Glow glow = new Glow(SMALL, DataType.DOUBLE, 3);
        VariationalDequantization q = new VariationalDequantization(1, 4, checkerboard, DataType.DOUBLE, new Random(2));
        INDArray pixels = pixels();
        glow.forward(q.dequantize(pixels, 1));
        GlowGradientTest.perturbAllParameters(glow);
        perturb(q, 0.3);
        loss(glow, q, pixels);
        q.backward(glow.backward(), glow.logQWeight());
        for (Parameter p : q.parameters()) {
            GradientCheck.assertGradient(p.name(), p.value(), p.gradient().dup(), () -> loss(glow, q, pixels), 4);
        }
    }

    @Test
    void aCheckerboardWhoseSecondNetworkCopiesTheFirstIsThatNetworksPosterior() {
        VariationalDequantization single = new VariationalDequantization(1, 4, false, DataType.DOUBLE, new Random(2));
        perturb(single, 0.5);
        VariationalDequantization checkerboard = new VariationalDequantization(1, 4, true, DataType.DOUBLE, new Random(3));
        for (int i = 0; i < single.parameters().size(); i++) {
            checkerboard.parameters().get(i).value().assign(single.parameters().get(i).value());
        }
        checkerboard.secondFromFirst();
        INDArray pixels = pixels();
        INDArray logQSingle = Nd4j.zeros(DataType.DOUBLE, 3);
        INDArray logQCheckerboard = Nd4j.zeros(DataType.DOUBLE, 3);
        INDArray x = single.dequantize(pixels, 5, logQSingle);
        INDArray y = checkerboard.dequantize(pixels, 5, logQCheckerboard);
        assertTrue(logQSingle.amaxNumber().doubleValue() > 0.1, "a posterior other than uniform");
        assertEquals(0.0, x.sub(y).amaxNumber().doubleValue(), 1e-12, "the same noise");
        assertEquals(0.0, logQSingle.sub(logQCheckerboard).amaxNumber().doubleValue(), 1e-9, "the same log q");
    }

    private static void perturb(VariationalDequantization q, double scale) {
        Nd4j.getRandom().setSeed(7);
        for (Parameter p : q.parameters()) {
            p.value().addi(Nd4j.randn(DataType.DOUBLE, p.value().shape()).muli(scale));
        }
    }

    private static double loss(Glow glow, Dequantization q, INDArray pixels) {
        INDArray logQ = Nd4j.zeros(DataType.DOUBLE, pixels.size(0));
        INDArray x = q.dequantize(pixels, 9, logQ);
        return glow.bitsPerDimension(glow.forward(x), logQ).meanNumber().doubleValue();
    }
}
