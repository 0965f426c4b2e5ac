package org.glowzip.codec.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.glowzip.codec.MalformedStreamException;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

    @Property(tries = 200)
    void pngAndPnmRoundTripAnyImage(@ForAll @IntRange(min = 1, max = 40) int width, @ForAll @IntRange(min = 1, max = 40) int height,
            @ForAll boolean rgb, @ForAll long seed) throws MalformedStreamException {
        int channels = rgb ? 3 : 1;
        byte[] samples = new byte[width * height * channels];
        new java.util.SplittableRandom(seed).nextBytes(samples);
        Image image = Image.of(width, height, channels, samples);
        for (ImageFormat format : ImageFormat.values()) {
            byte[] file = format.write(image);
            assertEquals(format, ImageFormat.detect(file));
            assertEquals(image, ImageFormat.read(file), format.name());
        }
    }

    @Test
    void absurdPnmSizeIsRejectedBeforeAllocation() {
        byte[] file = "P5\n999999 999999\n255\n".getBytes(StandardCharsets.US_ASCII);
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> ImageFormat.read(file));
        assertEquals("image size 999999x999999 outside 1..65536", e.reason());
    }

    @Test
    void truncatedPnmSaysSo() {
        byte[] file = "P6 4 4 255\nabc".getBytes(StandardCharsets.US_ASCII);
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> ImageFormat.read(file));
        assertEquals("PNM truncated: 48 samples expected, 3 present", e.reason());
    }

    @Test
    void foreignBytesAreRejected() {
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> ImageFormat.read(new byte[] {1, 2, 3}));
        assertEquals(0, e.offset());
        assertEquals("not a PNG, PGM (P5) or PPM (P6) image", e.reason());
    }

    @Test
    void truncatedPngIsMalformed() {
        byte[] png = ImageFormat.PNG.write(Image.of(8, 8, 1, new byte[64]));
        assertThrows(MalformedStreamException.class, () -> ImageFormat.read(java.util.Arrays.copyOf(png, png.length / 2)));
    }
}
