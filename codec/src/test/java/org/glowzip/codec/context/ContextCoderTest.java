package org.glowzip.codec.context;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.image.Canvas;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFile;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextCoderTest {
    /**
     * Case: a context model, the samples of a canvas of 2 x 2 of its tiles, the tile to code, and
     * a message to push it onto.
     */
    record Case(ContextModel model, byte[] samples, int tileRow, int tileColumn, Message start) {
        Canvas canvas(byte[] values) {
            return Canvas.of(values, model.channels(), 2 * model.height(), 2 * model.width())
                    .tile(tileRow * model.height(), tileColumn * model.width(), model.height(), model.width());
        }
    }

    private static final ContextModel[] MODELS = {
        model(1, 2, 2, 1, 4, 0.5, false),
        model(1, 6, 4, 3, 8, 1.0, false),
        model(3, 4, 2, 2, 6, 0.7, false),
        model(1, 4, 4, 2, 8, 30.0, false), // peaked: most symbols hold a single slot
        model(1, 6, 4, 2, 8, 1.0, true),
        model(3, 4, 4, 1, 6, 0.7, true),
        model(2, 4, 2, 3, 8, 30.0, true),
    };

    private static ContextModel model(int channels, int height, int width, int radius, int hidden, double scale, boolean residual) {
        GlowConfig config = new GlowConfig(1, 1, 2, CouplingType.AFFINE, channels, height, width);
        ContextFeatures features = residual ? new ResidualFeatures(radius, channels) : new NeighbourhoodFeatures(radius, channels);
        return ContextModel.of(RandomModels.withContext(config, 11 * height + width, features, hidden, scale));
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<ContextModel> models = Arbitraries.of(MODELS);
        Arbitrary<Long> seeds = Arbitraries.longs();
        Arbitrary<Integer> kinds = Arbitraries.integers().between(0, 3);
        Arbitrary<Integer> prefills = Arbitraries.integers().between(0, 200);
        Arbitrary<Integer> tiles = Arbitraries.integers().between(0, 3);
        return Combinators.combine(models, seeds, kinds, prefills, tiles).as((model, seed, kind, prefill, tile) -> {
            int n = 4 * model.channels() * model.height() * model.width();
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
            return new Case(model, samples, tile / 2, tile % 2, start);
        });
    }

    /**
     * The tile comes back into a canvas whose current tile, the tiles after it and the tile to
     * its right are garbage: the coder reads only what {@link Canvas} lets it.
     */
    @Property(tries = 1000)
    void popReturnsTheTileAndTheMessage(@ForAll("cases") Case c, @ForAll SlotRule rule, @ForAll boolean waves) {
        ContextCoder coder = new ContextCoder(c.model(), rule, order(c.model(), waves));
        Message message = c.start().copy();
        coder.push(message, c.canvas(c.samples().clone()));
        byte[] garbled = c.samples().clone();
        int current = c.tileRow() * 2 + c.tileColumn();
        SplittableRandom random = new SplittableRandom(garbled.length);
        forEachSample(c, (index, tile) -> {
            if (tile >= current) {
                garbled[index] = (byte) random.nextInt(256);
            }
        });
        coder.pop(message, c.canvas(garbled));
        assertEquals(c.start(), message);
        forEachSample(c, (index, tile) -> {
            if (tile <= current) {
                assertEquals(c.samples()[index], garbled[index], "sample " + index + " of tile " + tile);
            }
        });
    }

    private static SampleOrder order(ContextModel model, boolean waves) {
        return waves ? SampleOrder.waves(model.channels(), model.height(), model.width(), model.features().radius())
                : SampleOrder.raster(model.channels(), model.height(), model.width());
    }

    interface SampleVisitor {
        void visit(int index, int tile);
    }

    /** Visits every sample of the case's canvas with the index of its tile in raster order. */
    private static void forEachSample(Case c, SampleVisitor visitor) {
        int height = 2 * c.model().height();
        int width = 2 * c.model().width();
        for (int i = 0; i < c.samples().length; i++) {
            int y = i / width % height;
            int x = i % width;
            visitor.visit(i, y / c.model().height() * 2 + x / c.model().width());
        }
    }

    @Property(tries = 200)
    void codelengthIsAtMostTheInformationContent(@ForAll("cases") Case c, @ForAll SlotRule rule, @ForAll boolean waves) {
        ContextModel model = c.model();
        double information = 0;
        ContextModel.Scratch scratch = model.scratch();
        Canvas canvas = c.canvas(c.samples());
        for (int y = canvas.top(); y < canvas.top() + model.height(); y++) {
            for (int x = canvas.left(); x < canvas.left() + model.width(); x++) {
                for (int ch = 0; ch < model.channels(); ch++) {
                    int[] cumulative = model.slots(canvas, ch, y, x, rule, scratch);
                    int symbol = (canvas.value(ch, y, x) - scratch.offset()) & 0xFF;
                    information += ContextModel.PRECISION - Math.log(cumulative[symbol + 1] - cumulative[symbol]) / Math.log(2);
                }
            }
        }
        Message message = new Message();
        new ContextCoder(model, rule, order(model, waves)).push(message, canvas);
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
        float[] features = new float[model.features().count()];
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
    void neighbourhoodFeaturesFollowTheDocumentedLayout() {
        ContextFeatures neighbourhood = MODELS[2].features(); // 3 channels, 4 x 2, radius 2
        assertEquals(2 * 2 * 3 + 2 + 2, neighbourhood.count());
        byte[] samples = new byte[3 * 4 * 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) (i * 10);
        }
        float[] features = new float[neighbourhood.count()];
        assertEquals(0, neighbourhood.features(Canvas.of(samples, 3, 4, 2), 2, 1, 1, features));
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
        assertEquals(1, ContextModel.of(with).features().radius());
        assertTrue(!ContextModel.present(without));
        assertThrows(IllegalArgumentException.class, () -> ContextModel.of(without));
    }

    @Test
    void residualFeaturesFollowTheDocumentedLayout() {
        ResidualFeatures residual = new ResidualFeatures(1, 2);
        assertEquals(4 + 5 + 1 + 2, residual.count());
        // 2 channels, 3 x 3 canvas; channel 0 = 10 * i, channel 1 = 100 + i
        byte[] samples = new byte[2 * 9];
        for (int i = 0; i < 9; i++) {
            samples[i] = (byte) (10 * i);
            samples[9 + i] = (byte) (100 + i);
        }
        Canvas canvas = Canvas.of(samples, 2, 3, 3);
        float[] features = new float[residual.count()];
        // channel 1 at (1, 1): N = 101, W = 103, NW = 100 <= min, so P = max(N, W) = 103
        assertEquals(103, residual.features(canvas, 1, 1, 1, features));
        // channel 0 at (1, 1): N = 10, W = 30, NW = 0, so P0 = 30
        float[] expected = {
            (100 - 103) / 32f, (101 - 103) / 32f, (102 - 103) / 32f, (103 - 103) / 32f, // channel 1: row 0 at x 0..2, then W
            (40 - 30) / 32f, (10 - 30) / 32f, (30 - 30) / 32f, (0 - 30) / 32f, (20 - 30) / 32f, // channel 0: here, N, W, NW, NE
            103 / 128f - 1f, 0f, 1f};
        assertArrayEquals(expected, features);
        assertEquals(128, ResidualFeatures.predict(canvas, 0, 0, 0));
        assertEquals(10, ResidualFeatures.predict(canvas, 0, 0, 2)); // W alone
        assertEquals(30, ResidualFeatures.predict(canvas, 0, 2, 0)); // N alone
    }

    @Test
    void aCanvasHidesTheTilesToTheRightOfTheCurrentRowOfTiles() {
        Canvas canvas = Canvas.blank(1, 4, 6).tile(2, 2, 2, 2);
        assertEquals(0, canvas.value(0, 1, 5)); // the row of tiles above: decoded
        assertEquals(0, canvas.value(0, 3, 0)); // the tile to the left
        assertEquals(0, canvas.value(0, 2, 3)); // the current tile
        assertEquals(Canvas.UNREADABLE, canvas.value(0, 2, 4)); // the tile to the right
        assertEquals(Canvas.UNREADABLE, canvas.value(0, -1, 0));
        assertEquals(Canvas.UNREADABLE, canvas.value(0, 0, -1));
        assertEquals(Canvas.UNREADABLE, canvas.value(0, 0, 6));
        assertThrows(IllegalArgumentException.class, () -> canvas.tile(3, 0, 2, 2));
    }
}
