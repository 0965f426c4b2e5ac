package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.context.ResidualFeatures;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.tile.TileCoder;
import org.glowzip.codec.tile.TileFormat;
import org.glowzip.codec.tile.TileTally;
import org.junit.jupiter.api.Test;

/**
 * The coded path alone, whatever its size: tiling, bits-back chaining of images, tiles coded with
 * their neighbours by both kinds of context model, and the message state.
 */
class BlockCoderTest {
    private static final GlowConfig GRAY_CONFIG = new GlowConfig(2, 1, 4, CouplingType.AFFINE, 1, 8, 8);
    private static final GlowConfig RGB_CONFIG = new GlowConfig(1, 1, 4, CouplingType.ADDITIVE, 3, 4, 4);
    private static final BlockCoder GRAY = coder(RandomModels.of(GRAY_CONFIG, 7));
    private static final BlockCoder RGB = coder(RandomModels.of(RGB_CONFIG, 8));
    private static final BlockCoder GRAY_RESIDUAL = coder(RandomModels.withContext(GRAY_CONFIG, 9, new ResidualFeatures(2, 1), 8, 1.0));
    private static final BlockCoder RGB_RESIDUAL = coder(RandomModels.withContext(RGB_CONFIG, 10, new ResidualFeatures(1, 3), 8, 1.0));
    private static final BlockCoder RGB_NEIGHBOURHOOD = coder(RandomModels.withContext(RGB_CONFIG, 11, 2, 8, 1.0));

    private static BlockCoder coder(ModelFile model) {
        return new BlockCoder(new TileCoder(model, CodingParameters.DEFAULT));
    }

    @Provide
    Arbitrary<Image> images() {
        return TestImages.images();
    }

    @Provide
    Arbitrary<BlockCoder> coders() {
        return Arbitraries.of(GRAY, RGB, GRAY_RESIDUAL, RGB_RESIDUAL, RGB_NEIGHBOURHOOD);
    }

    @Property(tries = 300)
    void blocksDecodeToTheirImagesAndAFreshMessage(@ForAll @Size(min = 1, max = 4) List<@net.jqwik.api.From("images") Image> images,
            @ForAll("coders") BlockCoder coder) throws MalformedStreamException {
        Message[] lanes = coder.encode(images, LanePlan.LaneCount.CHOSEN);
        List<ImageShape> shapes = images.stream().map(ImageShape::of).toList();
        TileTally tally = new TileTally();
        assertEquals(images, coder.decode(received(lanes), shapes, TileFormat.CURRENT, 0, tally));
        long tiles = tally.counts().values().stream().mapToLong(Long::longValue).sum();
        Tiling tiling = new Tiling(coder == RGB || coder == RGB_RESIDUAL || coder == RGB_NEIGHBOURHOOD ? RGB_CONFIG : GRAY_CONFIG);
        assertEquals(images.stream().mapToLong(image -> tiling.tileCount(image.width(), image.height(), image.planes())).sum(), tiles,
                "every tile counted once");
    }

    /** An interrupted thread stops coding before the next tile, and keeps its interrupt status for its caller. */
    @Test
    void anInterruptedThreadStopsCoding() throws MalformedStreamException {
        List<Image> images = List.of(TestImages.image(20, 20, 1, "gradient", 1));
        Message[] lanes = GRAY.encode(images, LanePlan.LaneCount.CHOSEN);
        List<ImageShape> shapes = images.stream().map(ImageShape::of).toList();
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> GRAY.encode(images, LanePlan.LaneCount.CHOSEN));
            assertThrows(CancellationException.class, () -> GRAY.decode(received(lanes), shapes, TileFormat.CURRENT, 0, new TileTally()));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(images, GRAY.decode(received(lanes), shapes, TileFormat.CURRENT, 0, new TileTally()));
    }

    /** The lanes as a decoder receives them: through their byte form. */
    static Message[] received(Message[] lanes) throws MalformedStreamException {
        byte[] payload = LanePayload.write(lanes);
        return LanePayload.read(payload, 0, payload.length, lanes.length, 0);
    }
}
