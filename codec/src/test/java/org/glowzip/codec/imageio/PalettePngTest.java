package org.glowzip.codec.imageio;

import static org.glowzip.codec.imageio.BufferedImages.assertSameImage;
import static org.glowzip.codec.imageio.BufferedImages.randomized;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.glowzip.codec.image.ImageFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A palette PNG compressed by the codec reads back through ImageIO as the indexed image the PNG reader gives. */
class PalettePngTest {

    @ParameterizedTest(name = "{0} bits per index")
    @ValueSource(ints = {1, 2, 4, 8})
    void aPalettePngComesBackIndexed(int bits) throws IOException {
        int colours = bits == 8 ? 150 : 1 << bits;
        BufferedImage indexed = randomized(new BufferedImage(9, 4, bits == 8 ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_BYTE_BINARY,
                RoundTripTest.palette(bits, colours, bits != 1)), bits);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(indexed, "png", png);
        byte[] glowzip = BundledModel.CODEC.encode(ImageFormat.read(png.toByteArray()));
        assertSameImage(ImageIO.read(new ByteArrayInputStream(png.toByteArray())), ImageIO.read(new ByteArrayInputStream(glowzip)));
    }
}
