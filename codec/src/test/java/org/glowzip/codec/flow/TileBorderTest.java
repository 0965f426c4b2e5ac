package org.glowzip.codec.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glowzip.codec.nn.FeatureMap;
import org.junit.jupiter.api.Test;

/** The condition planes of a tile's border, as its class comment defines them. */
class TileBorderTest {
    /** The row above a 2 x 4 x 4 tile, channel after channel. */
    private static final byte[] ABOVE = bytes(10, 20, 30, 41, 255, 255, 0, 1);
    /** The column left of a 2 x 4 x 4 tile, channel after channel. */
    private static final byte[] LEFT = bytes(0, 255, 100, 101, 7, 8, 9, 9);

    @Test
    void planesHoldTheScaledMeansOfTheSamplesEachPixelCovers() {
        FeatureMap planes = new TileBorder(2, 4, 4, ABOVE, LEFT).planes(2);
        assertEquals(2 * 2 + 4, planes.channels());
        // above, per column of 2 x 2 pixels: the means 15 and 35.5 of channel 0, 255 and 0.5 of channel 1, as (v + 0.5) / 256 - 0.5
        assertPlane(planes, 0, new float[][] {{-0.439453125f, -0.359375f}, {-0.439453125f, -0.359375f}});
        assertPlane(planes, 1, new float[][] {{0.498046875f, -0.49609375f}, {0.498046875f, -0.49609375f}});
        // left, per row: the means 127.5 and 100.5 of channel 0, 7.5 and 9 of channel 1
        assertPlane(planes, 2, new float[][] {{0f, 0f}, {-0.10546875f, -0.10546875f}});
        assertPlane(planes, 3, new float[][] {{-0.46875f, -0.46875f}, {-0.462890625f, -0.462890625f}});
        assertPlane(planes, 4, new float[][] {{1, 1}, {1, 1}});
        assertPlane(planes, 5, new float[][] {{1, 1}, {1, 1}});
        assertPlane(planes, 6, new float[][] {{-0.25f, -0.25f}, {0.25f, 0.25f}});
        assertPlane(planes, 7, new float[][] {{-0.25f, 0.25f}, {-0.25f, 0.25f}});
    }

    @Test
    void aPixelOfTheWholeTileAndAPixelPerSample() {
        FeatureMap whole = new TileBorder(2, 4, 4, ABOVE, LEFT).planes(4);
        // the means 25.25 and 127.75 above, 114 and 8.25 left; the one pixel is the tile's centre, position 0
        assertArrayEquals(new float[] {-0.3994140625f, 0.0009765625f, -0.052734375f, -0.4658203125f, 1, 1, 0, 0}, column(whole, 0, 0));
        FeatureMap samples = new TileBorder(2, 4, 4, ABOVE, LEFT).planes(1);
        assertArrayEquals(new float[] {41.5f / 256 - 0.5f, 1.5f / 256 - 0.5f, 0.5f / 256 - 0.5f, 7.5f / 256 - 0.5f, 1, 1, -0.375f, 0.375f},
                column(samples, 0, 3), "the top right sample: row 0 of 4, column 3 of 4");
    }

    /** A mean that is no float is one double expression rounded once. */
    @Test
    void aMeanIsRoundedToFloatOnce() {
        FeatureMap planes = new TileBorder(1, 3, 3, bytes(1, 2, 2), bytes(0, 0, 1)).planes(3);
        assertEquals((float) ((5.0 / 3 + 0.5) / 256 - 0.5), planes.get(0, 0, 0));
        assertEquals((float) ((1.0 / 3 + 0.5) / 256 - 0.5), planes.get(1, 0, 0));
    }

    @Test
    void anAbsentSideIsZeroAndItsMaskZero() {
        FeatureMap leftOnly = new TileBorder(2, 4, 4, null, LEFT).planes(2);
        FeatureMap both = new TileBorder(2, 4, 4, ABOVE, LEFT).planes(2);
        float[][] zeros = {{0, 0}, {0, 0}};
        assertPlane(leftOnly, 0, zeros);
        assertPlane(leftOnly, 1, zeros);
        assertPlane(leftOnly, 4, zeros);
        for (int c : new int[] {2, 3, 5, 6, 7}) {
            assertArrayEquals(both.plane(c), leftOnly.plane(c), "plane " + c + " as with both sides");
        }
        FeatureMap none = TileBorder.none(2, 4, 4).planes(2);
        for (int c = 0; c < 6; c++) {
            assertPlane(none, c, zeros);
        }
        assertArrayEquals(both.plane(6), none.plane(6), "positions, whatever the border");
        assertArrayEquals(both.plane(7), none.plane(7));
    }

    @Test
    void aBorderIsItsOwnCopy() {
        byte[] above = ABOVE.clone();
        TileBorder border = new TileBorder(2, 4, 4, above, LEFT);
        FeatureMap before = border.planes(1);
        above[0] = 99;
        assertArrayEquals(before.plane(0), border.planes(1).plane(0));
    }

    @Test
    void sidesOfAnotherLengthAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TileBorder(2, 4, 6, new byte[2 * 4], null), "above is C x W");
        assertThrows(IllegalArgumentException.class, () -> new TileBorder(2, 4, 6, null, new byte[2 * 6]), "left is C x H");
        assertThrows(IllegalArgumentException.class, () -> new TileBorder(2, 4, 6, new byte[2 * 6 + 1], new byte[2 * 4]));
        assertThrows(IllegalArgumentException.class, () -> new TileBorder(2, 4, 6, new byte[2 * 6], new byte[2 * 4 - 1]));
        assertThrows(IllegalArgumentException.class, () -> TileBorder.none(0, 4, 6));
        assertTrue(new TileBorder(2, 4, 6, new byte[2 * 6], new byte[2 * 4]).hasLeft(), "the right lengths");
    }

    @Test
    void aScaleMustDivideBothSides() {
        TileBorder border = TileBorder.none(1, 4, 6);
        assertThrows(IllegalArgumentException.class, () -> border.planes(4), "4 does not divide the width 6");
        assertThrows(IllegalArgumentException.class, () -> border.planes(3), "3 does not divide the height 4");
        assertThrows(IllegalArgumentException.class, () -> border.planes(0));
        assertEquals(3, border.planes(2).width());
        assertEquals(2, border.planes(2).height());
    }

    private static void assertPlane(FeatureMap planes, int c, float[][] expected) {
        for (int y = 0; y < expected.length; y++) {
            for (int x = 0; x < expected[y].length; x++) {
                assertEquals(expected[y][x], planes.get(c, y, x), "plane " + c + " at (" + y + ", " + x + ")");
            }
        }
    }

    /** Every plane's value at {@code (y, x)}. */
    private static float[] column(FeatureMap planes, int y, int x) {
        float[] values = new float[planes.channels()];
        for (int c = 0; c < values.length; c++) {
            values[c] = planes.get(c, y, x);
        }
        return values;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
