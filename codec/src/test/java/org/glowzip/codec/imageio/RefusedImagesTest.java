package org.glowzip.codec.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** An image the codec cannot hold exactly is refused with a message that says why, never converted. */
class RefusedImagesTest {

    @Test
    void customPremultipliedAlphaIsRefused() {
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, true, Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
        assertRefused(image(model), "premultiplied alpha cannot be undone exactly; give a BufferedImage with straight alpha");
    }

    @Test
    void floatSamplesAreRefused() {
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false, Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
        assertRefused(image(model), "a BufferedImage of [32] bits per band; all bands of 8 or all of 16 bits are supported");
    }

    @Test
    void aCustomIndexedLayoutIsRefused() {
        byte[] levels = new byte[4096];
        ColorModel model = new IndexColorModel(12, 4096, levels, levels, levels);
        assertRefused(image(model), "an indexed BufferedImage of a custom layout; give TYPE_BYTE_INDEXED or TYPE_BYTE_BINARY, or convert it to RGB yourself");
    }

    @Test
    void otherColourSpacesAreRefused() {
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_PYCC), false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        assertRefused(image(model), "a BufferedImage of 3 colour components in colour space type " + ColorSpace.TYPE_3CLR + " and 3 bands is neither gray nor RGB");
    }

    private static BufferedImage image(ColorModel model) {
        return new BufferedImage(model, model.createCompatibleWritableRaster(3, 2), model.isAlphaPremultiplied(), null);
    }

    private static void assertRefused(BufferedImage image, String reason) {
        IIOException e = assertThrows(IIOException.class, () -> ImageIO.write(image, "glowzip", new ByteArrayOutputStream()));
        assertEquals("glowzip cannot store this image exactly: " + reason, e.getMessage());
        assertEquals(reason, assertInstanceOf(IllegalArgumentException.class, e.getCause()).getMessage());
    }
}
