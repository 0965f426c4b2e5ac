package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.IntGlow;
import org.glowzip.codec.image.Image;

/** The coded path alone, whatever its size: tiling, bits-back chaining of images, and the message state. */
class BlockCoderTest {
    private static final BlockCoder GRAY = new BlockCoder(new IntGlow(
            org.glowzip.codec.flow.RandomModels.of(new org.glowzip.codec.model.GlowConfig(2, 1, 4,
                    org.glowzip.codec.model.CouplingType.AFFINE, 1, 8, 8), 7), CodingParameters.DEFAULT));
    private static final BlockCoder RGB = new BlockCoder(new IntGlow(
            org.glowzip.codec.flow.RandomModels.of(new org.glowzip.codec.model.GlowConfig(1, 1, 4,
                    org.glowzip.codec.model.CouplingType.ADDITIVE, 3, 4, 4), 8), CodingParameters.DEFAULT));

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
        assertEquals(images, coder.decode(Message.fromBytes(message.toBytes(), 0), shapes, 0));
    }
}
