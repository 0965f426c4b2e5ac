package org.glowzip.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.flow.Glow;
import org.glowzip.model.flow.GlowFeatures;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class TileBatchTest {
    /** One level, so each 2x2 tile is one pixel of border planes. */
    private static final GlowConfig TWO_BY_TWO = new GlowConfig(1, 1, 4, CouplingType.AFFINE, 1, 2, 2);
    /**
     * Two 3x3 patches: {@code a b c / d e f / g h i} gives the tile {@code e f / h i}, the row above
     * {@code b c} and the column left {@code d g}.
     */
    private static final ImageSet PATCHES = new ImageSet(1, 3, 3, new byte[] {
        0, 10, 20, 30, 40, 50, 60, 70, 80,
        (byte) 255, (byte) 255, (byte) 255, 1, 2, 3, 5, 6, 7}, new int[2]);

    @Test
    void aConditionedGlowsTilesAreThePatchesBelowAndRightOfTheirBorders() {
        Glow glow = new Glow(TWO_BY_TWO, GlowFeatures.CONDITIONED, DataType.FLOAT, 1);
        TileBatch batch = TileBatch.of(glow, PATCHES, new int[] {1, 0}, 0, 2, 0, 7);
        assertArrayEquals(new float[] {2, 3, 6, 7, 40, 50, 70, 80}, batch.pixels().data().asFloat());
        INDArray planes = batch.borders().level(0);
        assertArrayEquals(new long[] {2, 6, 1, 1}, planes.shape());
        assertArrayEquals(new float[] {scaled(255), scaled(3), 1, 1, 0, 0, scaled(15), scaled(45), 1, 1, 0, 0},
                planes.data().asFloat(), 1e-7f);
    }

    @Test
    void bordersAreAbsentWithTheGivenProbability() {
        Glow glow = new Glow(TWO_BY_TWO, GlowFeatures.CONDITIONED, DataType.FLOAT, 1);
        float[] absent = TileBatch.of(glow, PATCHES, PATCHES.order(), 0, 2, 1, 7).borders().level(0).data().asFloat();
        assertArrayEquals(new float[12], absent);
        float[] present = TileBatch.of(glow, PATCHES, PATCHES.order(), 0, 2, 0, 7).borders().level(0).data().asFloat();
        assertEquals(1, present[2]);
        assertEquals(1, present[3]);
    }

    @Test
    void anUnconditionedGlowsImagesAreItsTilesWithNoBorder() {
        Glow glow = new Glow(new GlowConfig(1, 1, 4, CouplingType.AFFINE, 1, 2, 2), DataType.FLOAT, 1);
        ImageSet tiles = new ImageSet(1, 2, 2, new byte[] {1, 2, 3, 4}, new int[1]);
        assertTrue(TileBatch.fits(glow, tiles));
        assertFalse(TileBatch.fits(glow, PATCHES));
        TileBatch batch = TileBatch.of(glow, tiles, tiles.order(), 0, 1, 0, 7);
        assertArrayEquals(new float[] {1, 2, 3, 4}, batch.pixels().data().asFloat());
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0}, batch.borders().level(0).data().asFloat());
        assertThrows(IllegalArgumentException.class, () -> TileBatch.of(new Glow(TWO_BY_TWO, GlowFeatures.CONDITIONED, DataType.FLOAT, 1), tiles,
                tiles.order(), 0, 1, 0, 7));
    }

    private static float scaled(double value) {
        return (float) ((value + 0.5) / 256 - 0.5);
    }
}
