package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.ModelFileWriter;
import org.glowzip.codec.modelfile.NamedTensor;
import org.glowzip.codec.tile.TileCoder;
import org.glowzip.codec.tile.TileCoding;
import org.glowzip.codec.tile.TileFormat;
import org.glowzip.codec.tile.TileTally;
import org.junit.jupiter.api.Test;

/**
 * Glows conditioned on their tiles' borders in the coded path: a tile's border comes from the
 * canvas, decoded before it, on one lane or on lanes that decode as a wavefront. The bundled
 * Fashion-MNIST Glow, whose codings beat raw tiles on its images, with a small random condition.
 */
class BorderConditionTest {
    private static final ModelFile BUNDLED = ImageCodec.bundled().model();
    private static final ModelFile GLOW_ALONE = LegacyFormatTest.glowAlone(BUNDLED);
    /** The scale of the random condition weights: small enough that the trained Glow still codes its images well. */
    private static final double CONDITION_SCALE = 0.01;
    private static final ModelFile CONDITIONED = RandomModels.withCondition(GLOW_ALONE, 1, CONDITION_SCALE);
    /**
     * A conditioned Glow and a context model that expects the value 128 everywhere: it codes
     * Fashion-MNIST tiles worse than the Glow does, so that Glow tiles decode on lanes of a wavefront.
     */
    private static final ModelFile CONDITIONED_WITH_CONTEXT = RandomModels.withCondition(RandomModels.expecting(BUNDLED, 128, 20), 2,
            CONDITION_SCALE);
    private static final int SIDE = 28;

    @Test
    void conditionedGlowsDecodeImagesOfManyTiles() throws MalformedStreamException {
        for (Image image : List.of(mosaic(3 * SIDE, 3 * SIDE), mosaic(3 * SIDE - 9, 2 * SIDE + 5))) {
            int rows = (image.height() + SIDE - 1) / SIDE;
            checkDecodes(CONDITIONED, image, 1);
            checkDecodes(CONDITIONED_WITH_CONTEXT, image, rows);
        }
    }

    /**
     * A condition that reads only the border's samples and its masks is zero on a tile without a
     * border: it codes an image of one tile as the unconditioned Glow does, and one of many tiles
     * otherwise, so the borders the canvas gives reach the Glow.
     */
    @Test
    void theCanvasGivesTheGlowItsTilesBorders() {
        BlockCoder plain = coder(GLOW_ALONE);
        BlockCoder bordersOnly = coder(readingOnlyTheBorder(CONDITIONED));
        Image tile = mosaic(SIDE, SIDE);
        assertArrayEquals(plain.encode(List.of(tile), LanePlan.LaneCount.CHOSEN), bordersOnly.encode(List.of(tile), LanePlan.LaneCount.CHOSEN), "one tile: no border");
        List<Image> mosaic = List.of(mosaic(3 * SIDE, 2 * SIDE));
        Message[] unconditioned = plain.encode(mosaic, LanePlan.LaneCount.CHOSEN);
        assertFalse(Arrays.equals(unconditioned, bordersOnly.encode(mosaic, LanePlan.LaneCount.CHOSEN)), "tiles with borders");
        assertFalse(Arrays.equals(unconditioned, coder(CONDITIONED).encode(mosaic, LanePlan.LaneCount.CHOSEN)), "a condition that reads the positions too");
    }

    /**
     * Encodes {@code image} with {@code model} on {@code lanes} lanes and decodes it, Glow tiles
     * among its tiles, as a block and through {@link ImageCodec} as one image.
     */
    private static void checkDecodes(ModelFile model, Image image, int lanes) throws MalformedStreamException {
        BlockCoder coder = coder(model);
        Message[] coded = coder.encode(List.of(image), LanePlan.LaneCount.CHOSEN);
        assertEquals(lanes, coded.length, image + ": lanes");
        TileTally tally = new TileTally();
        assertEquals(List.of(image), coder.decode(BlockCoderTest.received(coded), List.of(ImageShape.of(image)), TileFormat.CURRENT, 0, tally));
        assertTrue(tally.count(TileCoding.GLOW_BITS_BACK) + tally.count(TileCoding.GLOW_POP_FREE) > 1, image + ": " + tally.counts());
        ImageCodec codec = new ImageCodec(model);
        assertEquals(image, codec.decode(codec.encode(image)));
    }

    private static BlockCoder coder(ModelFile model) {
        return new BlockCoder(new TileCoder(model, CodingParameters.DEFAULT));
    }

    /**
     * {@code model}'s border condition without its weights on the position planes (the last two):
     * it reads the border's samples and masks only, all zero where a tile has no border.
     */
    private static ModelFile readingOnlyTheBorder(ModelFile model) {
        GlowLayout layout = new GlowLayout(model.config());
        int planes = layout.conditionPlanes();
        Set<String> conditions = layout.conditionTensors().keySet();
        List<NamedTensor> tensors = new ArrayList<>(model.tensors().values());
        tensors.replaceAll(tensor -> {
            if (!conditions.contains(tensor.name())) {
                return tensor;
            }
            float[] weights = tensor.data();
            for (int i = 0; i < weights.length; i++) {
                if (i / 9 % planes >= planes - 2) {
                    weights[i] = 0;
                }
            }
            return new NamedTensor(tensor.name(), tensor.shape(), weights);
        });
        return ModelFileWriter.toModelFile(model.config(), tensors);
    }

    /** A gray image of Fashion-MNIST test images side by side and row after row, cut to {@code width x height}. */
    private static Image mosaic(int width, int height) {
        List<Image> images = TestImages.fashionMnist(9);
        byte[] samples = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                samples[y * width + x] = (byte) images.get((y / SIDE * 3 + x / SIDE) % images.size()).sample(y % SIDE, x % SIDE, 0);
            }
        }
        return Image.of(width, height, 1, samples);
    }
}
