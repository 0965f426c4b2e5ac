package org.glowzip.codec.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.glowzip.codec.MalformedStreamException;
import org.junit.jupiter.api.Test;

/** Damaged and hostile PNGs raise {@link MalformedStreamException} with the offset and the reason, nothing else. */
class MalformedPngTest {
    private static final byte[] GOOD = PngFiles.build(5, 3, 0, 8, new int[15], List.of());

    private static MalformedStreamException malformed(byte[] png) {
        return assertThrows(MalformedStreamException.class, () -> ImageFormat.read(png));
    }

    private static byte[] withChunk(int index, PngFiles.Chunk replacement) {
        List<PngFiles.Chunk> chunks = new ArrayList<>(PngFiles.chunks(GOOD));
        chunks.set(index, replacement);
        return PngFiles.file(chunks);
    }

    private static byte[] header(int width, int height, int bitDepth, int colourType, int interlace) {
        return ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bitDepth).put((byte) colourType).put((byte) 0).put((byte) 0)
                .put((byte) interlace).array();
    }

    @Test
    void everyTruncationIsMalformed() {
        for (int length = 0; length < GOOD.length; length++) {
            MalformedStreamException e = malformed(Arrays.copyOf(GOOD, length));
            assertEquals(true, e.offset() <= length, "offset within the bytes present");
        }
    }

    @Test
    void badCrcNamesTheChunk() {
        byte[] png = GOOD.clone();
        png[8 + 8 + 13 + 3] ^= 1;
        MalformedStreamException e = malformed(png);
        assertEquals("CRC mismatch in chunk IHDR", e.reason());
        assertEquals(8 + 8 + 13, e.offset());
    }

    @Test
    void badZlibIsMalformed() {
        byte[] png = withChunk(1, new PngFiles.Chunk("IDAT", new byte[] {0x78, (byte) 0x9C, (byte) 0xFF, (byte) 0xFF, 0, 0}));
        MalformedStreamException e = malformed(png);
        assertEquals(33, e.offset());
        assertEquals(true, e.reason().startsWith("image data is not valid zlib"), e.reason());
    }

    @Test
    void shortAndLongImageDataAreMalformed() {
        byte[] rows = new byte[3 * 6];
        byte[] whole = PngFiles.zlib(rows);
        assertEquals("the image data's zlib stream is cut short after 18 of 18 bytes",
                malformed(withChunk(1, new PngFiles.Chunk("IDAT", Arrays.copyOf(whole, whole.length - 4)))).reason());
        assertEquals("the image data ends after 12 of 18 bytes", malformed(withChunk(1, new PngFiles.Chunk("IDAT", PngFiles.zlib(new byte[12])))).reason());
        assertEquals("image data inflates to more than the 18 bytes of the image",
                malformed(withChunk(1, new PngFiles.Chunk("IDAT", PngFiles.zlib(new byte[19])))).reason());
    }

    @Test
    void unknownFilterTypeIsMalformed() {
        byte[] rows = new byte[3 * 6];
        rows[6] = 5;
        assertEquals("filter type 5 at byte 6 of the inflated image data", malformed(withChunk(1, new PngFiles.Chunk("IDAT", PngFiles.zlib(rows)))).reason());
    }

    @Test
    void absurdSizesAreRefusedBeforeAllocation() {
        assertEquals("image size 0x3 outside 1..65536", malformed(withChunk(0, new PngFiles.Chunk("IHDR", header(0, 3, 8, 0, 0)))).reason());
        assertEquals("image size 4294967295x3 outside 1..65536",
                malformed(withChunk(0, new PngFiles.Chunk("IHDR", header(-1, 3, 8, 0, 0)))).reason());
        assertEquals("image of 2147483648 samples exceeds 268435456",
                malformed(withChunk(0, new PngFiles.Chunk("IHDR", header(65536, 4096, 16, 6, 0)))).reason());
        MalformedStreamException e = malformed(withChunk(0, new PngFiles.Chunk("IHDR", header(65536, 4096, 8, 0, 0))));
        assertEquals(33, e.offset());
        assertEquals(true, e.reason().endsWith("cannot inflate to the 268439552 bytes a 65536x4096 image needs"), e.reason());
    }

    @Test
    void badHeaderFieldsAreMalformed() {
        assertEquals("colour type 2 with bit depth 4 is not a PNG layout", malformed(withChunk(0, new PngFiles.Chunk("IHDR", header(5, 3, 4, 2, 0)))).reason());
        assertEquals("interlace method 2 is neither 0 nor 1", malformed(withChunk(0, new PngFiles.Chunk("IHDR", header(5, 3, 8, 0, 2)))).reason());
        assertEquals("IHDR of 12 bytes, not 13", malformed(withChunk(0, new PngFiles.Chunk("IHDR", new byte[12]))).reason());
    }

    @Test
    void chunkOrderIsChecked() {
        List<PngFiles.Chunk> chunks = PngFiles.chunks(GOOD);
        assertEquals("first chunk is IDAT, not IHDR", malformed(PngFiles.file(chunks.subList(1, 3))).reason());
        assertEquals("PNG has no image data (IDAT)", malformed(PngFiles.file(List.of(chunks.get(0), chunks.get(2)))).reason());
        PngFiles.Chunk text = new PngFiles.Chunk("tEXt", "a\0b".getBytes(StandardCharsets.US_ASCII));
        PngFiles.Chunk empty = new PngFiles.Chunk("IDAT", new byte[0]);
        assertEquals("IDAT chunks are not consecutive", malformed(PngFiles.file(List.of(chunks.get(0), chunks.get(1), text, empty, chunks.get(2)))).reason());
        assertEquals("unknown critical chunk ABCD", malformed(PngFiles.file(List.of(chunks.get(0), new PngFiles.Chunk("ABCD", new byte[0]),
                chunks.get(1), chunks.get(2)))).reason());
        assertEquals("palette image without a PLTE chunk before its data",
                malformed(PngFiles.build(5, 3, 3, 8, new int[15], List.of())).reason());
        assertEquals("misplaced or malformed tRNS chunk (2 bytes, colour type 2)",
                malformed(PngFiles.build(5, 3, 2, 8, new int[45], List.of(new PngFiles.Chunk("tRNS", new byte[2])))).reason());
        byte[] dos = GOOD.clone();
        dos[4] = '\n';
        assertEquals("no PNG signature", malformed(dos).reason());
    }

    @Property(tries = 3000)
    void mutatedPngsDecodeOrAreMalformed(@ForAll @IntRange(min = 0, max = 13) int kind, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PngType type = new PngType(new int[] {0, 0, 0, 0, 0, 2, 2, 3, 3, 3, 4, 4, 6, 6}[kind], new int[] {1, 2, 4, 8, 16, 8, 16, 1, 4, 8, 8, 16, 8, 16}[kind],
                random.nextBoolean());
        int width = 1 + random.nextInt(12);
        int height = 1 + random.nextInt(12);
        int[] values = new int[width * height * type.channels()];
        int limit = type.colourType() == 3 ? 2 : type.maxValue() + 1;
        Arrays.setAll(values, i -> random.nextInt(limit));
        Image image = Image.ofValues(width, height, type.sampleFormat(), values);
        List<PngMetadata.Chunk> chunks = type.colourType() == 3
                ? List.of(new PngMetadata.Chunk("PLTE", new byte[6]), new PngMetadata.Chunk("tRNS", new byte[1]), new PngMetadata.Chunk("IDAT", new byte[0]))
                : List.of(new PngMetadata.Chunk("IDAT", new byte[0]));
        image = image.withMetadata(new PngMetadata(type, chunks).encode(image.format()));
        byte[] png = ImageFormat.PNG.write(image);
        for (int m = 1 + random.nextInt(4); m > 0; m--) {
            png[random.nextInt(png.length)] = (byte) random.nextInt(256);
        }
        if (random.nextBoolean()) {
            PngFiles.fixCrcs(png);
        }
        try {
            ImageFormat.read(png);
        } catch (MalformedStreamException e) {
            assertEquals(true, e.offset() >= 0 && e.offset() <= png.length);
        }
    }
}
