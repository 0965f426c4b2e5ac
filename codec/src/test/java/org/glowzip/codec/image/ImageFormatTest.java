package org.glowzip.codec.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.glowzip.codec.MalformedStreamException;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

    @Provide
    Arbitrary<Image> images() {
        return SampleImages.images();
    }

    @Property(tries = 300)
    void everySampleFormatRoundTripsThroughItsNaturalPng(@ForAll("images") Image image) throws MalformedStreamException {
        byte[] png = ImageFormat.PNG.write(image);
        assertEquals(ImageFormat.PNG, ImageFormat.detect(png));
        assertEquals(List.of(PngType.natural(image.format()).colourType(), image.format().bitDepth(), 0), PngFiles.type(png));
        assertEquals(List.of("IHDR", "IDAT", "IEND"), PngFiles.chunkTypes(png));
        assertEquals(image, ImageFormat.read(png));
    }

    @Property(tries = 200)
    void grayAndRgbRoundTripThroughPnm(@ForAll("images") Image image) throws MalformedStreamException {
        if (image.format().hasAlpha()) {
            assertThrows(IllegalArgumentException.class, () -> ImageFormat.PNM.write(image));
            return;
        }
        byte[] pnm = ImageFormat.PNM.write(image);
        assertEquals(ImageFormat.PNM, ImageFormat.detect(pnm));
        assertEquals(image, ImageFormat.read(pnm));
    }

    @Test
    void pnmMaximumValuesAreKept() throws MalformedStreamException {
        byte[] pgm = concat("P5\n2 1\n1000\n", 0x03, 0xE8, 0x01, 0x02);
        Image image = ImageFormat.read(pgm);
        assertEquals(Image.ofValues(2, 1, new SampleFormat(1, 16), new int[] {1000, 258}).withMetadata(new byte[] {'N', 0x03, (byte) 0xE8}), image);
        assertArrayEquals(pgm, ImageFormat.PNM.write(image));
        assertEquals(ImageFormat.PNM, ImageFormat.of(image));

        byte[] ppm = concat("P6\n1 1\n100\n", 100, 0, 7);
        Image small = ImageFormat.read(ppm);
        assertEquals(SampleFormat.RGB, small.format());
        assertArrayEquals(ppm, ImageFormat.PNM.write(small));

        Image wide = ImageFormat.read(concat("P6\n1 1\n65535\n", 0xFF, 0xFF, 0, 1, 0x12, 0x34));
        assertEquals(Image.ofValues(1, 1, new SampleFormat(3, 16), new int[] {65535, 1, 0x1234}), wide);
        assertEquals("sample 1001 at (0, 0) above the maximum value 1000", assertThrows(IllegalArgumentException.class,
                () -> ImageFormat.PNM.write(Image.ofValues(1, 1, new SampleFormat(1, 16), new int[] {1001}).withMetadata(new byte[] {'N', 0x03, (byte) 0xE8})))
                .getMessage());
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> ImageFormat.read(concat("P5 1 1 1000\n", 0x03, 0xE9)));
        assertEquals("sample 1001 above the maximum value 1000", e.reason());
        assertEquals(12, e.offset());
    }

    @Test
    void pngSamplesGoToPnmOnlyWhereTheyMeanTheSame() throws MalformedStreamException {
        Image fourBits = ImageFormat.read(PngFiles.build(2, 1, 0, 4, new int[] {15, 3}, List.of()));
        assertArrayEquals(concat("P5\n2 1\n15\n", 15, 3), ImageFormat.PNM.write(fourBits));
        Image palette = ImageFormat.read(PngFiles.build(2, 1, 3, 1, new int[] {1, 0}, List.of(new PngFiles.Chunk("PLTE", new byte[6]))));
        assertEquals("the samples of a palette PNG are palette indices; write it as PNG",
                assertThrows(IllegalArgumentException.class, () -> ImageFormat.PNM.write(palette)).getMessage());
    }

    @Test
    void displayChunksSurviveReadWriteRead() throws MalformedStreamException {
        byte[] gamma = ByteBuffer.allocate(4).putInt(45455).array();
        byte[] chromaticities = new byte[32];
        new SplittableRandom(3).nextBytes(chromaticities);
        List<PngFiles.Chunk> chunks = List.of(new PngFiles.Chunk("gAMA", gamma), new PngFiles.Chunk("cHRM", chromaticities),
                new PngFiles.Chunk("sRGB", new byte[] {0}));
        for (int colourType : new int[] {0, 2}) {
            int channels = colourType == 0 ? 1 : 3;
            int[] values = new int[28 * 28 * channels];
            Arrays.setAll(values, i -> i * 7 % 256);
            byte[] original = PngFiles.build(28, 28, colourType, 8, values, chunks);
            Image image = ImageFormat.read(original);
            assertEquals(Image.ofValues(28, 28, SampleFormat.of8Bit(channels), values), Image.of(28, 28, image.format(), image.samples()));
            byte[] written = ImageFormat.PNG.write(image);
            assertEquals(List.of("IHDR", "gAMA", "cHRM", "sRGB", "IDAT", "IEND"), PngFiles.chunkTypes(written));
            assertArrayEquals(gamma, PngFiles.chunks(written).get(1).data());
            assertEquals(image, ImageFormat.read(written));
        }
    }

    @Test
    void chunksAfterTheImageDataStayAfterIt() throws MalformedStreamException {
        List<PngFiles.Chunk> chunks = new ArrayList<>(PngFiles.chunks(PngFiles.build(3, 2, 6, 16, new int[24], List.of())));
        chunks.add(2, new PngFiles.Chunk("tEXt", "Comment\0after".getBytes(StandardCharsets.ISO_8859_1)));
        Image image = ImageFormat.read(PngFiles.file(chunks));
        byte[] metadata = image.metadata();
        assertEquals(4 + 8 + 8 + 13, metadata.length);
        assertArrayEquals(new byte[] {'P', 6, 16, 0, 0, 0, 0, 0, 'I', 'D', 'A', 'T', 0, 0, 0, 13, 't', 'E', 'X', 't'}, Arrays.copyOf(metadata, 20));
        assertEquals(List.of("IHDR", "IDAT", "tEXt", "IEND"), PngFiles.chunkTypes(ImageFormat.PNG.write(image)));
    }

    @Test
    void malformedPngMetadataIsACallerMistake() {
        Image image = Image.of(1, 1, 1, new byte[1]).withMetadata(new byte[] {'P', 0, 8, 0});
        assertEquals("PNG metadata: 0 image data markers, 1 expected",
                assertThrows(IllegalArgumentException.class, () -> ImageFormat.PNG.write(image)).getMessage());
        Image wrongFormat = Image.of(1, 1, 3, new byte[3]).withMetadata(new byte[] {'P', 0, 8, 0, 0, 0, 0, 0, 'I', 'D', 'A', 'T'});
        assertEquals("a PNG of colour type 0 and bit depth 8 holds gray 8-bit samples, not RGB 8-bit",
                assertThrows(IllegalArgumentException.class, () -> ImageFormat.PNG.write(wrongFormat)).getMessage());
        Image tooDeep = Image.of(1, 1, 1, new byte[] {4}).withMetadata(new byte[] {'P', 0, 2, 0, 0, 0, 0, 0, 'I', 'D', 'A', 'T'});
        assertEquals("sample 4 at (0, 0) does not fit a PNG of colour type 0 and bit depth 2 (largest 3)",
                assertThrows(IllegalArgumentException.class, () -> ImageFormat.PNG.write(tooDeep)).getMessage());
    }

    @Test
    void paletteIndicesOutsideThePaletteAreKeptAsRead() throws MalformedStreamException {
        byte[] png = PngFiles.build(3, 1, 3, 2, new int[] {0, 3, 1}, List.of(new PngFiles.Chunk("PLTE", new byte[6])));
        Image image = ImageFormat.read(png);
        assertArrayEquals(new int[] {0, 3, 1}, SampleImages.values(image));
        assertEquals(image, ImageFormat.read(ImageFormat.PNG.write(image)));
        Image noPalette = Image.of(1, 1, 1, new byte[1]).withMetadata(new byte[] {'P', 3, 8, 0, 0, 0, 0, 0, 'I', 'D', 'A', 'T'});
        assertEquals("PNG metadata of a palette image without a PLTE chunk before the image data",
                assertThrows(IllegalArgumentException.class, () -> ImageFormat.PNG.write(noPalette)).getMessage());
    }

    private static byte[] concat(String header, int... samples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        for (int sample : samples) {
            out.write(sample);
        }
        return out.toByteArray();
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
        assertThrows(MalformedStreamException.class, () -> ImageFormat.read(Arrays.copyOf(png, png.length / 2)));
    }
}
