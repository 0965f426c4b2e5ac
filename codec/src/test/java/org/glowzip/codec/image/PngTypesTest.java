package org.glowzip.codec.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Every PNG colour type and bit depth, with and without a palette's or colour key's tRNS and
 * other chunks, built by hand ({@link PngFiles}): read values equal the values the file was built
 * from, and writing back gives the same colour type, bit depth and chunks, and a file that
 * ImageIO reads to the same raster samples, interlaced or not.
 */
class PngTypesTest {

    /** A PNG layout to try: colour type, bit depth, and whether it gets a tRNS chunk. */
    record Layout(int colourType, int bitDepth, boolean transparency) {
        int channels() {
            return new PngType(colourType, bitDepth, false).channels();
        }

        @Override
        public String toString() {
            return "colour type " + colourType + ", " + bitDepth + " bits" + (transparency ? ", tRNS" : "");
        }
    }

    static final List<Layout> LAYOUTS = layouts();

    private static List<Layout> layouts() {
        List<Layout> layouts = new ArrayList<>();
        int[][] depths = {{0, 1, 2, 4, 8, 16}, {2, 8, 16}, {3, 1, 2, 4, 8}, {4, 8, 16}, {6, 8, 16}};
        for (int[] type : depths) {
            for (int i = 1; i < type.length; i++) {
                layouts.add(new Layout(type[0], type[i], false));
                if (type[0] <= 3) {
                    layouts.add(new Layout(type[0], type[i], true));
                }
            }
        }
        return layouts;
    }

    @Provide
    Arbitrary<Layout> layout() {
        return Arbitraries.of(LAYOUTS);
    }

    @Property(tries = 400)
    void everyLayoutReadsExactlyAndWritesBackTheSameLayout(@ForAll("layout") Layout layout, @ForAll @IntRange(min = 1, max = 19) int width,
            @ForAll @IntRange(min = 1, max = 19) int height, @ForAll boolean withChunks, @ForAll long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        int max = (1 << layout.bitDepth()) - 1;
        List<PngFiles.Chunk> extra = new ArrayList<>();
        if (withChunks) {
            extra.add(new PngFiles.Chunk("gAMA", ByteBuffer.allocate(4).putInt(45455).array()));
            extra.add(new PngFiles.Chunk("iCCP", "profile\0\0not really zlib".getBytes(StandardCharsets.ISO_8859_1)));
        }
        if (layout.colourType() == 3) {
            int entries = 1 + random.nextInt(Math.min(256, max + 1));
            byte[] palette = new byte[3 * entries];
            random.nextBytes(palette);
            extra.add(new PngFiles.Chunk("PLTE", palette));
            max = entries - 1;
            if (layout.transparency()) {
                byte[] alpha = new byte[1 + random.nextInt(entries)];
                random.nextBytes(alpha);
                extra.add(new PngFiles.Chunk("tRNS", alpha));
            }
        } else if (layout.transparency()) {
            ByteBuffer key = ByteBuffer.allocate(2 * layout.channels());
            for (int c = 0; c < layout.channels(); c++) {
                key.putShort((short) random.nextInt(max + 1));
            }
            extra.add(new PngFiles.Chunk("tRNS", key.array()));
        }
        int[] values = new int[width * height * layout.channels()];
        boolean constant = random.nextInt(4) == 0;
        int fill = random.nextBoolean() ? 0 : max;
        for (int i = 0; i < values.length; i++) {
            values[i] = constant ? fill : random.nextInt(max + 1);
        }
        byte[] file = PngFiles.build(width, height, layout.colourType(), layout.bitDepth(), values, extra);

        Image image = ImageFormat.read(file);
        assertEquals(new PngType(layout.colourType(), layout.bitDepth(), false).sampleFormat(), image.format(), layout.toString());
        assertArrayEquals(values, SampleImages.values(image), layout.toString());
        boolean natural = layout.colourType() != 3 && layout.bitDepth() >= 8 && extra.isEmpty();
        assertEquals(natural, !image.hasMetadata(), "metadata only where the PNG is not the natural one of its samples");

        byte[] written = ImageFormat.PNG.write(image);
        assertEquals(List.of(layout.colourType(), layout.bitDepth(), 0), PngFiles.type(written), layout.toString());
        assertEquals(PngFiles.chunkTypes(file), PngFiles.chunkTypes(written));
        for (int i = 1; i < extra.size() + 1; i++) {
            assertArrayEquals(PngFiles.chunks(file).get(i).data(), PngFiles.chunks(written).get(i).data());
        }
        assertEquals(image, ImageFormat.read(written));
        assertArrayEquals(values, imageIoValues(written, layout), "ImageIO reads what we wrote");

        Image interlaced = image.withMetadata(new PngMetadata(new PngType(layout.colourType(), layout.bitDepth(), true),
                PngMetadata.of(image).chunks()).encode(image.format()));
        byte[] adam7 = ImageFormat.PNG.write(interlaced);
        assertEquals(List.of(layout.colourType(), layout.bitDepth(), 1), PngFiles.type(adam7));
        assertEquals(interlaced, ImageFormat.read(adam7));
        assertArrayEquals(values, imageIoValues(adam7, layout), "ImageIO reads our Adam7");
    }

    @Property(tries = 100)
    void filesWrittenByImageIoReadToTheirRasterSamples(@ForAll("imageIoTypes") int type, @ForAll @IntRange(min = 1, max = 23) int width,
            @ForAll @IntRange(min = 1, max = 23) int height, @ForAll boolean interlaced, @ForAll long seed) throws IOException {
        BufferedImage source = SampleImages.randomImage(type, width, height, seed);
        byte[] file = imageIoPng(source, interlaced);
        Image image = ImageFormat.read(file);
        assertArrayEquals(SampleImages.rasterValues(source), SampleImages.values(image));
        assertEquals(interlaced ? 1 : 0, PngFiles.type(file).get(2));
        assertEquals(PngFiles.type(file), PngFiles.type(ImageFormat.PNG.write(image)));
    }

    @Provide
    Arbitrary<Integer> imageIoTypes() {
        return Arbitraries.of(BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_3BYTE_BGR,
                BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_BINARY);
    }

    @Property(tries = 30)
    void imageIoGrayPngsOfEightBitsHaveNoMetadata(@ForAll @IntRange(min = 1, max = 28) int side, @ForAll long seed) throws IOException {
        BufferedImage source = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = new byte[side * side];
        new SplittableRandom(seed).nextBytes(pixels);
        source.getRaster().setDataElements(0, 0, side, side, pixels);
        Image image = ImageFormat.read(imageIoPng(source, false));
        assertTrue(!image.hasMetadata(), "a plain gray PNG has no metadata");
        assertEquals(Image.of(side, side, 1, pixels), image);
    }

    /**
     * The raster samples ImageIO reads from {@code png}; without a gray or RGB image's tRNS chunk,
     * which ImageIO turns into an alpha band.
     */
    private static int[] imageIoValues(byte[] png, Layout layout) throws IOException {
        List<PngFiles.Chunk> chunks = PngFiles.chunks(png);
        if (layout.colourType() != 3) {
            chunks = chunks.stream().filter(chunk -> !chunk.type().equals("tRNS")).toList();
        }
        return SampleImages.rasterValues(ImageIO.read(new ByteArrayInputStream(PngFiles.file(chunks))));
    }

    @Property(tries = 20)
    void chunksImageIoWritesAreKept(@ForAll("imageIoTypes") int type, @ForAll @IntRange(min = 1, max = 9) int side, @ForAll long seed)
            throws Exception {
        BufferedImage source = SampleImages.randomImage(type, side, side, seed);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageTypeSpecifier specifier = ImageTypeSpecifier.createFromRenderedImage(source);
        IIOMetadata metadata = writer.getDefaultImageMetadata(specifier, null);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        IIOMetadataNode gamma = new IIOMetadataNode("gAMA");
        gamma.setAttribute("value", "45455");
        IIOMetadataNode text = new IIOMetadataNode("tEXt");
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", "Comment");
        entry.setAttribute("value", "seed " + seed);
        text.appendChild(entry);
        root.appendChild(gamma);
        root.appendChild(text);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(new IIOImage(source, null, metadata));
        } finally {
            writer.dispose();
        }
        byte[] file = out.toByteArray();
        assertTrue(PngFiles.chunkTypes(file).containsAll(List.of("gAMA", "tEXt")), PngFiles.chunkTypes(file).toString());

        Image image = ImageFormat.read(file);
        assertArrayEquals(SampleImages.rasterValues(source), SampleImages.values(image));
        byte[] written = ImageFormat.PNG.write(image);
        assertEquals(PngFiles.type(file), PngFiles.type(written));
        assertEquals(PngFiles.chunkTypes(file), PngFiles.chunkTypes(written));
        List<PngFiles.Chunk> before = PngFiles.chunks(file);
        List<PngFiles.Chunk> after = PngFiles.chunks(written);
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).type().equals("IDAT")) {
                assertArrayEquals(before.get(i).data(), after.get(i).data(), before.get(i).type());
            }
        }
        assertEquals(image, ImageFormat.read(written));
    }

    static byte[] imageIoPng(BufferedImage image, boolean interlaced) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
