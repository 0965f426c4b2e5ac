package org.glowzip.codec.tile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.flow.TileBorder;
import org.glowzip.codec.image.Canvas;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.nn.FeatureMap;
import org.junit.jupiter.api.Test;

/** The decision point: every tile and the message come back, whichever coding it chose, and the choice follows its policy. */
class TileCoderTest {
    private static final GlowConfig CONFIG = new GlowConfig(2, 2, 8, CouplingType.AFFINE, 1, 8, 8);
    private static final TileCoder GLOW_ONLY = new TileCoder(RandomModels.of(CONFIG, 1), CodingParameters.DEFAULT);
    private static final TileCoder ADDITIVE = new TileCoder(
            RandomModels.of(new GlowConfig(3, 1, 4, CouplingType.ADDITIVE, 1, 8, 8), 2), new CodingParameters(12, 12, 16, 2));
    private static final TileCoder WITH_CONTEXT = new TileCoder(RandomModels.withContext(CONFIG, 4, 2, 8, 1.0), CodingParameters.DEFAULT);
    private static final TileCoder EXPECTING_ZERO = new TileCoder(
            RandomModels.expecting(RandomModels.withContext(CONFIG, 4, 2, 8, 1.0), 0, 40), CodingParameters.DEFAULT);

    @Provide
    Arbitrary<byte[]> tiles() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofSize(64),
                Arbitraries.of((byte) 0, (byte) -1, (byte) 127).map(TileCoderTest::filled),
                Arbitraries.integers().between(0, 63).map(TileCoderTest::gradient));
    }

    @Provide
    Arbitrary<List<byte[]>> tileLists() {
        return tiles().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<TileCoder> coders() {
        return Arbitraries.of(GLOW_ONLY, ADDITIVE, WITH_CONTEXT);
    }

    @Property(tries = 200)
    void tilesPopInOrderAndTheMessageComesBackFresh(@ForAll("coders") TileCoder coder, @ForAll("tileLists") List<byte[]> tiles) {
        Message message = new Message();
        for (int i = tiles.size() - 1; i >= 0; i--) {
            coder.push(message, canvas(tiles.get(i)));
        }
        for (byte[] tile : tiles) {
            Canvas decoded = Canvas.blank(1, 8, 8);
            coder.pop(message, TileFormat.CURRENT, decoded);
            assertArrayEquals(tile, decoded.samples());
        }
        assertTrue(message.isFresh(), "message consumed exactly");
    }

    @Property(tries = 200)
    void aTileNeverCostsMoreThanRawAndItsMode(@ForAll("coders") TileCoder coder, @ForAll("tiles") byte[] tile,
            @ForAll @IntRange(min = 0, max = 2000) int prefill) {
        Message message = funded(prefill);
        Message raw = message.copy();
        new RawTiles(64).push(raw, tile);
        TileFormat.CURRENT.codec(coder.hasContextModel()).push(raw, TileCoding.RAW);
        coder.push(message, canvas(tile));
        assertTrue(message.bitLength() <= raw.bitLength(), message.bitLength() + " bits, raw " + raw.bitLength());
    }

    @Test
    void eachTileTakesTheShortestCoding() {
        byte[] noise = new byte[64];
        new SplittableRandom(3).nextBytes(noise);
        assertEquals(TileCoding.CONTEXT, EXPECTING_ZERO.push(funded(2000), canvas(filled((byte) 0))));
        assertEquals(TileCoding.RAW, GLOW_ONLY.push(funded(2000), canvas(noise)));
        List<TileCoding> chosen = new ArrayList<>();
        Message message = new Message();
        for (int i = 0; i < 20; i++) {
            chosen.add(GLOW_ONLY.push(message, canvas(gradient(i))));
        }
        assertTrue(chosen.get(0) != TileCoding.GLOW_BITS_BACK, "the first tile borrows nothing: " + chosen);
    }

    @Test
    void aContextModeWithoutAContextModelIsMalformed() {
        Message message = new Message();
        TileFormat.CURRENT.codec(true).push(message, TileCoding.CONTEXT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GLOW_ONLY.pop(message, TileFormat.CURRENT, Canvas.blank(1, 8, 8)));
        assertEquals("tile coded with a context model, which the model file lacks", e.getMessage());
    }

    /**
     * The border a conditioned Glow reads comes from the tile's canvas: on a 2 x 8 x 8 canvas whose
     * samples are their planar index, its four 4 x 4 tiles and one tile off their grid.
     */
    @Test
    void aCanvasGivesTheRowAboveAndTheColumnLeftOfItsTile() {
        byte[] samples = new byte[2 * 8 * 8];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) i;
        }
        Canvas canvas = Canvas.of(samples, 2, 8, 8);

        TileBorder topLeft = TileCoder.border(canvas.tile(0, 0, 4, 4));
        assertFalse(topLeft.hasAbove());
        assertFalse(topLeft.hasLeft());
        assertSamePlanes(TileBorder.none(2, 4, 4), topLeft);

        TileBorder firstRow = TileCoder.border(canvas.tile(0, 4, 4, 4));
        assertFalse(firstRow.hasAbove(), "the canvas's top row of tiles has no row above");
        assertTrue(firstRow.hasLeft());
        assertSamePlanes(new TileBorder(2, 4, 4, null, new byte[] {3, 11, 19, 27, 67, 75, 83, 91}), firstRow);

        TileBorder firstColumn = TileCoder.border(canvas.tile(4, 0, 4, 4));
        assertTrue(firstColumn.hasAbove());
        assertFalse(firstColumn.hasLeft(), "the canvas's left column of tiles has no column left");
        assertSamePlanes(new TileBorder(2, 4, 4, new byte[] {24, 25, 26, 27, 88, 89, 90, 91}, null), firstColumn);

        TileBorder inside = TileCoder.border(canvas.tile(4, 4, 4, 4));
        assertTrue(inside.hasAbove());
        assertTrue(inside.hasLeft());
        assertSamePlanes(new TileBorder(2, 4, 4, new byte[] {28, 29, 30, 31, 92, 93, 94, 95},
                new byte[] {35, 43, 51, 59, 99, 107, 115, 123}), inside);

        TileBorder offGrid = TileCoder.border(canvas.tile(1, 2, 2, 4));
        assertSamePlanes(new TileBorder(2, 2, 4, new byte[] {2, 3, 4, 5, 66, 67, 68, 69}, new byte[] {9, 17, 73, 81}), offGrid);
    }

    /** Both borders' condition planes of a pixel per sample are the same: the same sides, of the same samples. */
    private static void assertSamePlanes(TileBorder expected, TileBorder actual) {
        FeatureMap want = expected.planes(1);
        FeatureMap got = actual.planes(1);
        assertEquals(want.channels(), got.channels());
        for (int c = 0; c < want.channels(); c++) {
            assertArrayEquals(want.plane(c), got.plane(c), "plane " + c);
        }
    }

    private static Canvas canvas(byte[] tile) {
        return Canvas.of(tile, 1, 8, 8);
    }

    private static Message funded(int words) {
        Message message = new Message();
        for (int i = 0; i < words; i++) {
            message.push((i * 7919) & 0xFFFF, 1, 16);
        }
        return message;
    }

    private static byte[] filled(byte value) {
        byte[] tile = new byte[64];
        Arrays.fill(tile, value);
        return tile;
    }

    private static byte[] gradient(int k) {
        byte[] tile = new byte[64];
        for (int i = 0; i < 64; i++) {
            tile[i] = (byte) (i * k);
        }
        return tile;
    }
}
