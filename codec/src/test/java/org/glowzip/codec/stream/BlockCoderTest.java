package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.tile.TileCoder;
import org.glowzip.codec.tile.TileModes;
import org.junit.jupiter.api.Test;

/** The coded path alone, whatever its size: tiling, bits-back chaining of images, and the message state. */
class BlockCoderTest {
    private static final BlockCoder GRAY = new BlockCoder(new TileCoder(
            org.glowzip.codec.flow.RandomModels.of(new org.glowzip.codec.modelfile.GlowConfig(2, 1, 4,
                    org.glowzip.codec.modelfile.CouplingType.AFFINE, 1, 8, 8), 7), CodingParameters.DEFAULT));
    private static final BlockCoder RGB = new BlockCoder(new TileCoder(
            org.glowzip.codec.flow.RandomModels.of(new org.glowzip.codec.modelfile.GlowConfig(1, 1, 4,
                    org.glowzip.codec.modelfile.CouplingType.ADDITIVE, 3, 4, 4), 8), CodingParameters.DEFAULT));

    @Provide
    Arbitrary<Image> images() {
        return TestImages.images();
    }

    @Property(tries = 200)
    void blocksDecodeToTheirImagesAndAFreshMessage(@ForAll @Size(min = 1, max = 4) List<@net.jqwik.api.From("images") Image> images,
            @ForAll boolean rgbModel) throws MalformedStreamException {
        BlockCoder coder = rgbModel ? RGB : GRAY;
        Message message = coder.encode(images);
        List<ImageShape> shapes = images.stream().map(ImageShape::of).toList();
        assertEquals(images, coder.decode(Message.fromBytes(message.toBytes(), 0), shapes, TileModes.CURRENT, 0));
    }

    /** An interrupted thread stops coding before the next tile, and keeps its interrupt status for its caller. */
    @Test
    void anInterruptedThreadStopsCoding() throws MalformedStreamException {
        List<Image> images = List.of(TestImages.image(20, 20, 1, "gradient", 1));
        Message message = GRAY.encode(images);
        List<ImageShape> shapes = images.stream().map(ImageShape::of).toList();
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> GRAY.encode(images));
            assertThrows(CancellationException.class, () -> GRAY.decode(Message.fromBytes(message.toBytes(), 0), shapes, TileModes.CURRENT, 0));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(images, GRAY.decode(Message.fromBytes(message.toBytes(), 0), shapes, TileModes.CURRENT, 0));
    }
}
