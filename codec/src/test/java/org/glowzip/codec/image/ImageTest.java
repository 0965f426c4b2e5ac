package org.glowzip.codec.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ImageTest {

    @Provide
    Arbitrary<Image> images() {
        return SampleImages.images();
    }

    @Provide
    Arbitrary<SampleFormat> formats() {
        return SampleImages.formats();
    }

    @Property(tries = 200)
    void valuesComeBackAndPlanesHoldHighBytesFirst(@ForAll("formats") SampleFormat format, @ForAll @IntRange(min = 1, max = 9) int width,
            @ForAll @IntRange(min = 1, max = 9) int height, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] values = new int[width * height * format.channels()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(format.maxValue() + 1);
        }
        Image image = Image.ofValues(width, height, format, values);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < format.channels(); c++) {
                    int value = values[(y * width + x) * format.channels() + c];
                    assertEquals(value, image.value(y, x, c));
                    assertEquals(format.bitDepth() == 8 ? value : value >>> 8, image.sample(y, x, c));
                    if (format.bitDepth() == 16) {
                        assertEquals(value & 0xFF, image.sample(y, x, format.channels() + c));
                    }
                }
            }
        }
        assertEquals(image, Image.of(width, height, format, image.samples()));
    }

    @Test
    void valuesOutsideTheFormatAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Image.ofValues(1, 1, SampleFormat.GRAY, new int[] {256}));
        assertEquals("value 256 outside 0..255", e.getMessage());
    }

    @Property(tries = 200)
    void bufferedImagesRoundTripEverySampleFormat(@ForAll("images") Image image) {
        BufferedImage buffered = image.toBufferedImage();
        assertEquals(image.channels(), buffered.getRaster().getNumBands());
        assertEquals(image.format().bitDepth(), buffered.getRaster().getSampleModel().getSampleSize(0));
        assertArrayEquals(SampleImages.values(image), SampleImages.rasterValues(buffered));
        assertEquals(image, Image.fromBufferedImage(buffered));
    }

    @Property(tries = 60)
    void standardBufferedImageTypesAreReadExactly(@ForAll("standardTypes") int type, @ForAll @IntRange(min = 1, max = 11) int side,
            @ForAll long seed) {
        BufferedImage buffered = SampleImages.randomImage(type, side, side + 1, seed);
        Image image = Image.fromBufferedImage(buffered);
        assertArrayEquals(SampleImages.rasterValues(buffered), SampleImages.values(image));
        assertEquals(buffered.getColorModel().hasAlpha(), image.format().hasAlpha());
    }

    @Provide
    Arbitrary<Integer> standardTypes() {
        return Arbitraries.of(BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_3BYTE_BGR,
                BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR);
    }

    @Test
    void palettesBecomeTheirColours() {
        byte[] reds = {10, 20};
        byte[] greens = {30, 40};
        byte[] blues = {50, 60};
        byte[] alphas = {0, (byte) 255};
        BufferedImage buffered = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(1, 2, reds, greens, blues, alphas));
        buffered.getRaster().setSample(1, 0, 0, 1);
        Image image = Image.fromBufferedImage(buffered);
        assertEquals(Image.ofValues(2, 1, SampleFormat.RGBA, new int[] {10, 30, 50, 0, 20, 40, 60, 255}), image);
    }

    @Test
    void inexactBufferedImagesAreRefused() {
        assertEquals("premultiplied alpha cannot be undone exactly; give a BufferedImage with straight alpha",
                assertThrows(IllegalArgumentException.class,
                        () -> Image.fromBufferedImage(new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB_PRE))).getMessage());
        assertEquals("a BufferedImage of [5, 6, 5] bits per band; all bands of 8 or all of 16 bits are supported",
                assertThrows(IllegalArgumentException.class,
                        () -> Image.fromBufferedImage(new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_565_RGB))).getMessage());
    }
}
