package org.glowzip.model.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.model.data.IdxFiles;
import org.glowzip.model.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The clamped inverse is finite where the exact one overflows (samples up to temperature 1.5, from
 * small random flows and from the bundled model), and it is the exact inverse wherever the forward
 * pass of an input in [-0.5, 0.5) goes.
 */
class InversionTest {
    /** Parameter noise under which the exact inverse of a small random flow overflows at temperature 1.5. */
    private static final double WILD = 0.5;
    private static final Glow BUNDLED = bundled();

    private static Glow bundled() {
        try {
            return GlowFiles.fromModelFile(ImageCodec.bundled().model());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An 8x8 gray flow of 2 levels of 2 steps, actnorm initialized on random inputs, parameters moved by N(0, scale^2). */
    private static Glow randomFlow(CouplingType coupling, long seed, double scale) {
        Glow glow = new Glow(new GlowConfig(2, 2, 8, coupling, 1, 8, 8), DataType.FLOAT, seed);
        Nd4j.getRandom().setSeed(seed);
        glow.forward(Nd4j.rand(DataType.FLOAT, 16, 1, 8, 8).subi(0.5));
        FlowLayerTest.perturb(glow, DataType.FLOAT, scale, seed);
        return glow;
    }

    private static boolean finite(INDArray x) {
        return Arrays.stream(x.castTo(DataType.DOUBLE).dup().data().asDouble()).allMatch(Double::isFinite);
    }

    private static void assertPixels(INDArray images) {
        assertTrue(finite(images), "every decoded value is finite");
        INDArray pixels = Dequantization.quantize(images);
        assertTrue(pixels.minNumber().doubleValue() >= 0 && pixels.maxNumber().doubleValue() <= 255, "pixels in [0, 255]");
    }

    @Property(tries = 40)
    void clampedSamplesOfWildRandomFlowsArePixels(@ForAll @LongRange(min = 0, max = 1000) long seed,
            @ForAll @DoubleRange(min = 0, max = 1.5) double temperature, @ForAll CouplingType coupling) {
        Glow glow = randomFlow(coupling, seed, WILD);
        assertPixels(glow.sample(glow.noise(4, seed), temperature, Inversion.CLAMPED));
    }

    /** Not for mixture couplings, whose inverse is a bisection in a finite bracket. */
    @ParameterizedTest
    @EnumSource(value = CouplingType.class, names = {"AFFINE", "ADDITIVE"})
    void theExactInverseOfAWildRandomFlowOverflows(CouplingType coupling) {
        Glow glow = randomFlow(coupling, 0, WILD);
        assertFalse(finite(glow.sample(glow.noise(4, 0), 1.5, Inversion.EXACT)), "without the clamps, NaN or infinity");
    }

    @Property(tries = 6)
    void clampedSamplesOfTheBundledModelArePixels(@ForAll @LongRange(min = 0, max = 1000) long seed,
            @ForAll @DoubleRange(min = 0, max = 1.5) double temperature) {
        assertPixels(BUNDLED.sample(BUNDLED.noise(8, seed), temperature, Inversion.CLAMPED));
    }

    @Test
    void theBundledModelsExactInverseOverflowsAtTemperature1point5() {
        List<INDArray> eps = BUNDLED.noise(8, 1);
        assertFalse(finite(BUNDLED.sample(eps, 1.5, Inversion.EXACT)));
        assertPixels(BUNDLED.sample(eps, 1.5, Inversion.CLAMPED));
    }

    @Property(tries = 20)
    void theClampsLeaveTheInverseOfInRangeInputsExact(@ForAll @LongRange(min = 0, max = 1000) long seed,
            @ForAll CouplingType coupling) {
        Glow glow = randomFlow(coupling, seed, 0.05);
        Nd4j.getRandom().setSeed(seed);
        assertInverts(glow, Nd4j.rand(DataType.FLOAT, 4, 1, 8, 8).subi(0.5));
    }

    @Test
    void theClampsLeaveTheBundledModelsInverseOfRealImagesExact() throws Exception {
        ImageSet images = IdxFiles.readSplit(Path.of(InversionTest.class.getResource("/fashion-mnist-sample").toURI()), true);
        int[] all = IntStream.range(0, images.size()).toArray();
        assertInverts(BUNDLED, UniformDequantization.INSTANCE.dequantize(images.batch(all, 0, all.length, DataType.FLOAT), 3));
    }

    /** The clamped inverse of {@code x}'s latents is {@code x} to float precision, and bit for bit the exact inverse. */
    private static void assertInverts(Glow glow, INDArray x) {
        List<INDArray> latents = glow.forward(x).latents();
        INDArray exact = glow.reverse(latents, Inversion.EXACT);
        INDArray clamped = glow.reverse(latents, Inversion.CLAMPED);
        assertEquals(0, clamped.sub(x).amaxNumber().doubleValue(), 1e-4);
        assertArrayEquals(exact.dup().data().asFloat(), clamped.dup().data().asFloat());
    }

    @Test
    void theClampsAreAtTheirDocumentedBounds() {
        INDArray preScales = Nd4j.createFromArray(-1e30f, -10.5f, -10f, -3f, 5f);
        assertArrayEquals(new float[] {-10, -10, -10, -3, 5}, Inversion.CLAMPED.preScale(preScales.dup()).toFloatVector());
        assertArrayEquals(preScales.toFloatVector(), Inversion.EXACT.preScale(preScales.dup()).toFloatVector());
        INDArray activations = Nd4j.createFromArray(Float.NEGATIVE_INFINITY, -101f, -50f, 100f, 1e30f);
        assertArrayEquals(new float[] {-100, -100, -50, 100, 100}, Inversion.CLAMPED.activations(activations.dup()).toFloatVector());
        assertArrayEquals(activations.toFloatVector(), Inversion.EXACT.activations(activations.dup()).toFloatVector());
    }
}
