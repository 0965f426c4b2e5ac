package org.glowzip.model.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.glowzip.codec.ans.Codec;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.ans.Uniform;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.IntGlow;
import org.glowzip.codec.flow.TileBorder;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.modelfile.PriorPhases;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.ModelFileWriter;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The integer flow codes what the float Glow scores when its priors code in four phases:
 * on smooth random tiles, the bits-back codelength of a random Glow with contexts follows its float
 * negative log-likelihood, which the contexts move by more than the two differ.
 */
class PriorContextCodingTest {
    private static final GlowConfig CONFIG = new GlowConfig(2, 2, 8, CouplingType.AFFINE, 1, 8, 8);
    private static final int TILES = 200;
    /**
     * The spread of the contexts' random weights, beyond the small one of the rest of the flow. The
     * three contexts' outputs add up; much larger weights give log standard deviations far below a
     * bin's width, where a density at a point and the mass of its bin part ways.
     */
    private static final double CONTEXT_SCALE = 0.13;

    @Test
    void theIntegerCodelengthFollowsTheFloatLikelihoodOfAGlowWithPriorContexts() {
        Glow glow = new Glow(CONFIG, new GlowFeatures(false, PriorPhases.QUARTERS), DataType.FLOAT, 1);
        byte[][] tiles = smoothTiles();
        glow.forward(scaled(tiles, 2));
        FlowLayerTest.perturb(glow, DataType.FLOAT, 0.02, 3);
        Nd4j.getRandom().setSeed(4);
        Map<String, int[]> contexts = new GlowLayout(CONFIG).contextTensors(PriorPhases.QUARTERS);
        glow.parameters().stream().filter(p -> contexts.containsKey(p.name()) && !p.name().endsWith(".logscale"))
                .forEach(p -> p.value().addi(Nd4j.randn(DataType.FLOAT, p.value().shape()).muli(CONTEXT_SCALE)));
        ModelFile withContexts = ModelFileWriter.toModelFile(CONFIG, GlowFiles.tensors(glow));
        ModelFile withoutContexts = ModelFileWriter.toModelFile(CONFIG, GlowFiles.tensors(glow.parameters().stream()
                .filter(p -> !contexts.containsKey(p.name())).toList()));

        double floatWith = floatBpd(withContexts, tiles);
        double floatWithout = floatBpd(withoutContexts, tiles);
        double codedWith = codedBpd(withContexts, tiles);
        double codedWithout = codedBpd(withoutContexts, tiles);
        System.out.printf("float %.4f / %.4f bpd, integer %.4f / %.4f bpd (with / without contexts)%n", floatWith, floatWithout, codedWith,
                codedWithout);
        assertTrue(Math.abs(floatWith - floatWithout) > 0.1, "the contexts change the likelihood");
        assertEquals(floatWith, codedWith, 0.03);
        assertEquals(floatWithout, codedWithout, 0.03);
    }

    /** Tiles of a random plane wave plus a little noise: neighbouring samples agree, so the contexts have something to read. */
    private static byte[][] smoothTiles() {
        SplittableRandom random = new SplittableRandom(5);
        byte[][] tiles = new byte[TILES][64];
        for (byte[] tile : tiles) {
            double fx = random.nextDouble(-0.8, 0.8);
            double fy = random.nextDouble(-0.8, 0.8);
            double phase = random.nextDouble(0, 2 * Math.PI);
            for (int i = 0; i < 64; i++) {
                double wave = 128 + 100 * Math.sin(fx * (i % 8) + fy * (i / 8) + phase);
                tile[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(wave + random.nextGaussian() * 3)));
            }
        }
        return tiles;
    }

    /** The tiles dequantized with uniform noise from {@code seed}, scaled to [-0.5, 0.5). */
    private static INDArray scaled(byte[][] tiles, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[tiles.length * 64];
        for (int n = 0; n < tiles.length; n++) {
            for (int i = 0; i < 64; i++) {
                values[n * 64 + i] = (float) (((tiles[n][i] & 0xFF) + random.nextDouble()) / 256 - 0.5);
            }
        }
        return Nd4j.create(values, new long[] {tiles.length, 1, 8, 8}, DataType.FLOAT);
    }

    private static double floatBpd(ModelFile model, byte[][] tiles) {
        try {
            Glow glow = GlowFiles.fromModelFile(model);
            return glow.bitsPerDimension(glow.forward(scaled(tiles, 7))).meanNumber().doubleValue();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bits-back codelength per sample, on a message that can lend the noise. */
    private static double codedBpd(ModelFile model, byte[][] tiles) {
        Codec<byte[]> bitsBack = new IntGlow(model, CodingParameters.DEFAULT).bitsBack(TileBorder.none(1, 8, 8));
        Message message = new Message();
        SplittableRandom random = new SplittableRandom(1);
        Uniform word = Uniform.ofBits(16);
        for (int i = 0; i < 2048; i++) {
            word.pushInt(message, random.nextInt(1 << 16));
        }
        long before = message.bitLength();
        for (byte[] tile : tiles) {
            bitsBack.push(message, tile);
        }
        return (double) (message.bitLength() - before) / (tiles.length * 64);
    }
}
