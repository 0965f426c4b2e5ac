package org.glowzip.codec.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFile;
import org.junit.jupiter.api.Test;

class ContextCoderTest {
    /** Case: a context model, an image for it, and a message to push it onto. */
    record Case(ContextModel model, byte[] samples, Message start) {
    }

    private static final ContextModel[] MODELS = {
        model(1, 2, 2, 1, 4, 0.5),
        model(1, 6, 4, 3, 8, 1.0),
        model(3, 4, 2, 2, 6, 0.7),
        model(1, 4, 4, 2, 8, 30.0), // peaked: most symbols hold a single slot
    };

    private static ContextModel model(int channels, int height, int width, int radius, int hidden, double scale) {
        GlowConfig config = new GlowConfig(1, 1, 2, CouplingType.AFFINE, channels, height, width);
        return ContextModel.of(RandomModels.withContext(config, 11 * height + width, radius, hidden, scale));
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<ContextModel> models = Arbitraries.of(MODELS);
        Arbitrary<Long> seeds = Arbitraries.longs();
        Arbitrary<Integer> kinds = Arbitraries.integers().between(0, 3);
        Arbitrary<Integer> prefills = Arbitraries.integers().between(0, 200);
        return Combinators.combine(models, seeds, kinds, prefills).as((model, seed, kind, prefill) -> {
            int n = model.channels() * model.height() * model.width();
            byte[] samples = new byte[n];
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < n; i++) {
                samples[i] = (byte) switch (kind) {
                    case 0 -> random.nextInt(256); // noise
                    case 1 -> 0;
                    case 2 -> 255;
                    default -> random.nextBoolean() ? 0 : 255;
                };
            }
            Message start = new Message();
            for (int i = 0; i < prefill; i++) {
                start.push(random.nextInt(1 << 16), 1, 16);
            }
            return new Case(model, samples, start);
        });
    }

    @Property(tries = 1000)
    void popReturnsTheImageAndTheMessage(@ForAll("cases") Case c) {
        ContextCoder coder = new ContextCoder(c.model());
        Message message = c.start().copy();
        coder.push(message, c.samples());
        assertArrayEquals(c.samples(), coder.pop(message));
        assertEquals(c.start(), message);
    }

    @Property(tries = 200)
    void codelengthIsAtMostTheInformationContent(@ForAll("cases") Case c) {
        ContextModel model = c.model();
        double information = 0;
        float[] features = new float[model.featureCount()];
        ContextModel.Scratch scratch = model.scratch();
        for (int y = 0; y < model.height(); y++) {
            for (int x = 0; x < model.width(); x++) {
                for (int ch = 0; ch < model.channels(); ch++) {
                    model.features(c.samples(), ch, y, x, features);
                    int[] cumulative = ContextModel.cumulative(model.logits(features, scratch));
                    int symbol = c.samples()[(ch * model.height() + y) * model.width() + x] & 0xFF;
                    information += ContextModel.PRECISION - Math.log(cumulative[symbol + 1] - cumulative[symbol]) / Math.log(2);
                }
            }
        }
        Message message = new Message();
        new ContextCoder(model).push(message, c.samples());
        long bits = message.bitLength() - new Message().bitLength();
        // only an upper bound: symbols at slot 0 of 2^20 push zero bits, which the zero bed below a message holds for free
        assertTrue(bits <= information * 1.001 + 64, bits + " bits for " + information + " bits of information");
    }

    @Property(tries = 1000)
    void everySymbolHoldsASlot(@ForAll float a, @ForAll float b, @ForAll("logitScales") float scale) {
        float[] logits = new float[ContextModel.SYMBOLS];
        for (int s = 0; s < logits.length; s++) {
            logits[s] = Float.isFinite(a) && Float.isFinite(b) ? (a * s + b * (s % 7)) * scale : s * scale;
        }
        if (!allFinite(logits)) {
            return;
        }
        int[] cumulative = ContextModel.cumulative(logits);
        assertEquals(0, cumulative[0]);
        assertEquals(1 << ContextModel.PRECISION, cumulative[ContextModel.SYMBOLS]);
        for (int s = 0; s < ContextModel.SYMBOLS; s++) {
            assertTrue(cumulative[s + 1] > cumulative[s], "symbol " + s + " holds no slot");
        }
    }

    @Provide
    Arbitrary<Float> logitScales() {
        return Arbitraries.of(0f, 1e-6f, 1f, 1e3f, 1e30f);
    }

    private static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 300)
    void logitsAreTheDocumentedSumsBitForBit(@ForAll long seed) {
        GlowConfig config = new GlowConfig(1, 1, 2, CouplingType.AFFINE, 1, 4, 4);
        ModelFile file = RandomModels.withContext(config, seed, 2, 12, 1.0);
        ContextModel model = ContextModel.of(file);
        float[] features = new float[model.featureCount()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) random.nextGaussian();
        }
        float[] expected = documentedDense(file, "output", documentedDense(file, "hidden2", documentedDense(file, "hidden1", features, true), true), false);
        assertArrayEquals(expected, model.logits(features, model.scratch()));
    }

    /** A dense layer exactly as ContextModel's Javadoc defines it: ascending sums, then the bias. */
    private static float[] documentedDense(ModelFile file, String layer, float[] in, boolean relu) {
        float[] weight = file.tensor("context." + layer + ".weight").data();
        float[] bias = file.tensor("context." + layer + ".bias").data();
        float[] out = new float[bias.length];
        for (int o = 0; o < out.length; o++) {
            float sum = 0f;
            for (int i = 0; i < in.length; i++) {
                sum += weight[o * in.length + i] * in[i];
            }
            float value = sum + bias[o];
            out[o] = relu && value < 0f ? 0f : value;
        }
        return out;
    }

    @Test
    void featuresFollowTheDocumentedLayout() {
        ContextModel model = MODELS[2]; // 3 channels, 4 x 2, radius 2
        assertEquals(2 * 2 * 3 + 2 + 2, model.featureCount());
        byte[] samples = new byte[3 * 4 * 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) (i * 10);
        }
        float[] features = new float[model.featureCount()];
        model.features(samples, 2, 1, 1, features);
        float[] expected = new float[16];
        // rows y-2 (outside), y-1 = 0, columns -1..3; the image is 2 wide
        int n = 0;
        for (int dx = -2; dx <= 2; dx++) {
            expected[n++] = 0f;
        }
        for (int dx = -2; dx <= 2; dx++) {
            int x = 1 + dx;
            expected[n++] = x >= 0 && x < 2 ? value(samples[2 * 8 + x]) : 0f;
        }
        expected[n++] = 0f; // row y = 1, column -1
        expected[n++] = value(samples[2 * 8 + 2]); // column 0
        expected[n++] = value(samples[1 * 2 + 1]); // channel 0 at (1, 1)
        expected[n++] = value(samples[8 + 1 * 2 + 1]); // channel 1 at (1, 1)
        expected[n++] = 1f / 3 - 0.5f;
        expected[n] = 0.5f;
        assertArrayEquals(expected, features);
    }

    private static float value(byte sample) {
        return (sample & 0xFF) / 255f - 0.5f;
    }

    @Test
    void aModelFileWithoutContextTensorsHasNoContextModel() {
        GlowConfig config = new GlowConfig(1, 1, 2, CouplingType.AFFINE, 1, 2, 2);
        ModelFile with = RandomModels.withContext(config, 1, 1, 4, 1);
        ModelFile without = RandomModels.of(config, 1);
        assertTrue(ContextModel.present(with));
        assertEquals(1, ContextModel.of(with).radius());
        assertTrue(!ContextModel.present(without));
        assertThrows(IllegalArgumentException.class, () -> ContextModel.of(without));
    }
}
