package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.SampleFormat;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.tile.TileCoder;
import org.glowzip.codec.tile.TileCoding;
import org.glowzip.codec.tile.TileFormat;
import org.glowzip.codec.tile.TileTally;
import org.junit.jupiter.api.Test;

/** Interleaved rANS lanes: their byte form, the plan that deals rows of tiles to them, and a wavefront decode of a photograph. */
class LanesTest {
    private static final TileCoder PHOTO_GRAY = new TileCoder(ImageCodec.bundled("/org/glowzip/codec/photo-gray.glowmodel").model(), CodingParameters.DEFAULT);

    @Provide
    Arbitrary<List<Message>> lanes() {
        Arbitrary<Message> lane = Arbitraries.integers().between(0, 400).flatMap(symbols -> Arbitraries.longs().map(seed -> {
            Message message = new Message();
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < symbols; i++) {
                int precision = 1 + random.nextInt(24);
                int start = random.nextInt(1 << precision);
                message.push(start, 1 + random.nextInt((1 << precision) - start), precision);
            }
            return message;
        }));
        return lane.list().ofMinSize(1).ofMaxSize(LanePlan.MAX_LANES);
    }

    @Property(tries = 200)
    void lanesComeBackFromTheirBytes(@ForAll("lanes") List<Message> list) throws MalformedStreamException {
        Message[] lanes = list.toArray(Message[]::new);
        byte[] payload = LanePayload.write(lanes);
        assertEquals(payload.length, LanePayload.length(lanes));
        byte[] framed = new byte[payload.length + 7];
        System.arraycopy(payload, 0, framed, 3, payload.length);
        assertArrayEquals(lanes, LanePayload.read(framed, 3, 3 + payload.length, lanes.length, 100), "every lane, fresh ones too");
        byte[] stated = LanePayload.writeStated(lanes);
        assertEquals(stated.length, LanePayload.statedLength(lanes));
        assertEquals(lanes.length, stated[0], "the count first");
        assertArrayEquals(payload, Arrays.copyOfRange(stated, 1, stated.length), "then the same lanes");
        assertArrayEquals(lanes, LanePayload.readStated(stated, 0, stated.length, 100));
    }

    @Test
    void aStatedLaneCountOutside1To64IsRefusedAtItsOffset() {
        for (int count : new int[] {0, LanePlan.MAX_LANES + 1}) {
            byte[] payload = LanePayload.writeStated(new Message[] {new Message()});
            payload[0] = (byte) count;
            MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> LanePayload.readStated(payload, 0, payload.length, 40));
            assertEquals(40, e.offset(), "at the count");
        }
        MalformedStreamException truncated = assertThrows(MalformedStreamException.class,
                () -> LanePayload.readStated(new byte[] {0, 0, (byte) 0x81}, 2, 3, 1000));
        assertEquals(1001, truncated.offset(), "where the payload ends, as an input offset");
    }

    @Test
    void aStatedLaneCountAboveTheRowsIsMalformed() {
        BlockCoder coder = new BlockCoder(PHOTO_GRAY);
        Image photo = TestImages.photoLike(40, 30, 1, 7);
        Message[] lanes = coder.encode(List.of(photo), LanePlan.LaneCount.CHOSEN);
        Message[] more = Arrays.copyOf(lanes, lanes.length + 1);
        more[lanes.length] = new Message();
        MalformedStreamException e = assertThrows(MalformedStreamException.class,
                () -> coder.decode(more, List.of(ImageShape.of(photo)), TileFormat.CURRENT, 77, new TileTally()));
        assertEquals(77, e.offset());
    }

    @Property(tries = 200)
    void cutOrLengthenedLanesAreMalformed(@ForAll("lanes") List<Message> list, @ForAll @IntRange(min = 1, max = 11) int change) {
        Message[] lanes = list.toArray(Message[]::new);
        byte[] payload = LanePayload.write(lanes);
        byte[] cut = Arrays.copyOf(payload, Math.max(0, payload.length - change));
        byte[] longer = Arrays.copyOf(payload, payload.length + change);
        longer[longer.length - 1] = 1;
        if (change % 4 == 0) {
            return; // whole words more or less may still be lanes: the container's checksum catches those
        }
        for (byte[] bytes : List.of(cut, longer)) {
            assertThrows(MalformedStreamException.class, () -> LanePayload.read(bytes, 0, bytes.length, lanes.length, 0));
        }
    }

    @Test
    void aWordCountRunningPastThePayloadIsRefusedAtItsOffset() {
        byte[] payload = LanePayload.write(new Message[] {new Message(), new Message()});
        payload[0] = 5; // five words that are not there
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> LanePayload.read(payload, 0, payload.length, 2, 40));
        assertEquals(40, e.offset());
    }

    @Test
    void rowsAreDealtToLanesInTurnAndWaitForTheTileAboveRight() {
        Tiling tiling = new Tiling(new GlowConfig(1, 1, 4, CouplingType.ADDITIVE, 1, 8, 8));
        List<ImageShape> shapes = List.of(new ImageShape(30, 20, SampleFormat.GRAY), new ImageShape(8, 8, SampleFormat.RGB));
        LanePlan plan = new LanePlan(shapes, tiling, LanePlan.LaneCount.implied(TileFormat.CURRENT), true);
        assertEquals(3 + 3, plan.rows(), "3 rows of 4 tiles, then 3 one-tile rows, one for each plane");
        assertEquals(6, plan.lanes());
        assertEquals(List.of(0, 0, 0, 1, 2, 3), List.of(plan.canvas(0), plan.canvas(1), plan.canvas(2), plan.canvas(3), plan.canvas(4), plan.canvas(5)));
        assertEquals(0, plan.tilesAboveNeeded(0, 3), "a canvas's first row waits for nothing");
        assertEquals(List.of(2, 3, 4, 4), List.of(plan.tilesAboveNeeded(1, 0), plan.tilesAboveNeeded(1, 1), plan.tilesAboveNeeded(1, 2),
                plan.tilesAboveNeeded(2, 3)));
        assertEquals(0, plan.tilesAboveNeeded(4, 0), "rows of other canvases never wait for each other");
        assertEquals(1, new LanePlan(shapes, tiling, LanePlan.LaneCount.implied(TileFormat.NEIGHBOURS), true).lanes(), "formats before lanes: one message");
        List<ImageShape> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(new ImageShape(8, 8, SampleFormat.GRAY));
        }
        assertEquals(LanePlan.MAX_LANES, new LanePlan(many, tiling, LanePlan.LaneCount.implied(TileFormat.CURRENT), true).lanes());
        assertEquals(37 % LanePlan.MAX_LANES, new LanePlan(many, tiling, LanePlan.LaneCount.implied(TileFormat.CURRENT), true).lane(37));
    }

    @Test
    void aGlowWithoutAContextModelCodesOnLanesOfAtLeast256Tiles() {
        Tiling tiling = new Tiling(new GlowConfig(1, 1, 4, CouplingType.ADDITIVE, 1, 8, 8));
        List<ImageShape> hundred = Collections.nCopies(100, new ImageShape(8, 8, SampleFormat.GRAY));
        assertEquals(1, new LanePlan(hundred, tiling, LanePlan.LaneCount.implied(TileFormat.CURRENT), false).lanes(), "100 tiles: one lane");
        assertEquals(LanePlan.MAX_LANES, new LanePlan(hundred, tiling, LanePlan.LaneCount.implied(TileFormat.LANES), false).lanes(), "format 5 dealt them to 64 lanes");
        List<ImageShape> photos = Collections.nCopies(3, new ImageShape(200, 80, SampleFormat.GRAY));
        assertEquals(3 * 10, new LanePlan(photos, tiling, LanePlan.LaneCount.implied(TileFormat.CURRENT), true).rows(), "10 rows of 25 tiles each");
        assertEquals(2, new LanePlan(photos, tiling, LanePlan.LaneCount.implied(TileFormat.CURRENT), false).lanes(), "750 tiles in 30 rows: two lanes");
        assertEquals(30, new LanePlan(photos, tiling, LanePlan.LaneCount.implied(TileFormat.CURRENT), true).lanes(), "with a context model, a lane per row");
        List<ImageShape> many = Collections.nCopies(40_000, new ImageShape(8, 8, SampleFormat.GRAY));
        assertEquals(LanePlan.MAX_LANES, new LanePlan(many, tiling, LanePlan.LaneCount.implied(TileFormat.CURRENT), false).lanes(), "never more than 64");
    }

    @Test
    void streamEncodersChooseLanesOfAtLeast1024TilesForAGlowWithoutAContextModel() {
        Tiling tiling = new Tiling(new GlowConfig(1, 1, 4, CouplingType.ADDITIVE, 1, 8, 8));
        List<ImageShape> photos = Collections.nCopies(3, new ImageShape(200, 80, SampleFormat.GRAY));
        assertEquals(1, new LanePlan(photos, tiling, LanePlan.LaneCount.CHOSEN, false).lanes(), "750 tiles: one lane");
        assertEquals(30, new LanePlan(photos, tiling, LanePlan.LaneCount.CHOSEN, true).lanes(), "with a context model, a lane per row");
        List<ImageShape> block = Collections.nCopies(5350, new ImageShape(8, 8, SampleFormat.GRAY));
        assertEquals(5, new LanePlan(block, tiling, LanePlan.LaneCount.CHOSEN, false).lanes(), "a default block of Fashion-MNIST: 5 lanes");
        assertEquals(20, new LanePlan(block, tiling, LanePlan.LaneCount.implied(TileFormat.CURRENT), false).lanes(), "where stream format 6 implied 20");
        List<ImageShape> many = Collections.nCopies(200_000, new ImageShape(8, 8, SampleFormat.GRAY));
        assertEquals(LanePlan.MAX_LANES, new LanePlan(many, tiling, LanePlan.LaneCount.CHOSEN, false).lanes(), "never more than 64");
        assertThrows(IllegalArgumentException.class, () -> new LanePlan(photos, tiling, LanePlan.LaneCount.stated(31), true), "a lane per row at most");
        assertEquals(31, new LanePlan(many, tiling, LanePlan.LaneCount.stated(31), false).lanes());
    }

    /** A photograph of 5 x 4 tiles in each of 3 planes: each row a lane, context-coded tiles waiting for the ones above them, decoded in lockstep. */
    @Test
    void aPhotographDecodesAsAWavefront() throws MalformedStreamException {
        Image photo = TestImages.photoLike(150, 110, 3, 150 * 31L + 110);
        BlockCoder coder = new BlockCoder(PHOTO_GRAY);
        Message[] lanes = coder.encode(List.of(photo), LanePlan.LaneCount.CHOSEN);
        assertEquals(3 * 4, lanes.length, "4 rows of tiles in each of three planes");
        List<ImageShape> shapes = List.of(ImageShape.of(photo));
        TileTally tally = new TileTally();
        assertEquals(List.of(photo), coder.decode(BlockCoderTest.received(lanes), shapes, TileFormat.CURRENT, 0, tally));
        assertEquals(3L * 5 * 4, tally.count(TileCoding.CONTEXT), "every tile context-coded, reading its neighbours");
    }
}
