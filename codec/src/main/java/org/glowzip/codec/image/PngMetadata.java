package org.glowzip.codec.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a PNG says besides its samples, as the PNG reader puts it in {@link Image#metadata()} and
 * the PNG writer reads it back: the colour type, bit depth and interlacing of the file, and every
 * chunk between {@code IHDR} and {@code IEND} except the image data, in file order.
 *
 * <p>The samples of an image read from a PNG are the file's own values: gray of 1, 2 or 4 bits
 * is an 8-bit gray image of values below {@code 2^depth}; a palette image (colour type 3) is an
 * 8-bit gray image of palette indices, its {@code PLTE} and {@code tRNS} kept here; a gray or RGB
 * image's {@code tRNS} colour key is kept here too. So writing the image back gives the same
 * colour type, bit depth, palette, transparency and the chunks that change how samples are shown
 * ({@code iCCP}, {@code gAMA}, {@code cHRM}, {@code sRGB}) with all other chunks, in order.
 *
 * <p>Byte layout, all numbers big-endian:
 * <pre>
 *   offset  size  field
 *   0       1     0x50 ('P'): metadata written by the PNG reader
 *   1       1     colour type: 0 gray, 2 RGB, 3 palette, 4 gray + alpha, 6 RGBA
 *   2       1     bit depth: 1, 2, 4, 8 or 16, as the PNG allows for the colour type
 *   3       1     interlace method: 0 none, 1 Adam7
 *   4       ...   the chunks after IHDR and before IEND, in file order, each as in a PNG without
 *                 its CRC: length (4 bytes), type (4 ASCII letters), data (length bytes); the
 *                 image data is one chunk of type IDAT and length 0 that marks where it goes
 * </pre>
 *
 * <p>A PNG of the <em>natural</em> type of its sample format (gray, gray + alpha, RGB or RGBA of
 * 8 or 16 bits, colour types 0, 4, 2, 6), not interlaced and with no chunk besides the image data
 * has empty metadata, and an image with no metadata (or another format's) is written as the
 * natural PNG of its sample format.
 */
public final class PngMetadata {
    /** The first byte of PNG metadata. */
    public static final int TAG = 'P';
    /** The chunk type of the image data, whose place in {@link #chunks} is marked by an empty chunk. */
    public static final String IMAGE_DATA = "IDAT";

    private static final int HEADER_BYTES = 4;

    /** A chunk as the PNG holds it: its type (4 ASCII letters) and data. */
    public record Chunk(String type, byte[] data) {
        public Chunk {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        int length() {
            return data.length;
        }
    }

    private final PngType type;
    private final List<Chunk> chunks;

    PngMetadata(PngType type, List<Chunk> chunks) {
        this.type = type;
        this.chunks = List.copyOf(chunks);
    }

    /** The natural PNG of {@code format}: colour type 0, 4, 2 or 6 of its depth, no other chunks. */
    public static PngMetadata natural(SampleFormat format) {
        return new PngMetadata(PngType.natural(format), List.of(new Chunk(IMAGE_DATA, new byte[0])));
    }

    /**
     * The PNG an image is written as: its PNG metadata, or the natural PNG of its format if it has
     * none or metadata of another file format.
     *
     * @throws IllegalArgumentException if the metadata starts like PNG metadata but is not
     */
    public static PngMetadata of(Image image) {
        byte[] bytes = image.metadata();
        return bytes.length > 0 && (bytes[0] & 0xFF) == TAG ? decode(bytes) : natural(image.format());
    }

    /** The colour type, bit depth and interlacing. */
    PngType type() {
        return type;
    }

    /** The chunks after IHDR and before IEND, in file order, the image data marked by an empty IDAT. */
    public List<Chunk> chunks() {
        return chunks;
    }

    /** The bytes this metadata is stored as: empty for the natural PNG of {@code format}, else the layout above. */
    byte[] encode(SampleFormat format) {
        if (type.equals(PngType.natural(format)) && chunks.size() == 1) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(TAG);
        out.write(type.colourType());
        out.write(type.bitDepth());
        out.write(type.interlaced() ? 1 : 0);
        for (Chunk chunk : chunks) {
            writeInt(out, chunk.length());
            out.writeBytes(chunk.type().getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(chunk.data);
        }
        return out.toByteArray();
    }

    private static PngMetadata decode(byte[] bytes) {
        if (bytes.length < HEADER_BYTES) {
            throw new IllegalArgumentException("PNG metadata of " + bytes.length + " bytes is shorter than its header");
        }
        int interlace = bytes[3] & 0xFF;
        String problem = PngType.problem(bytes[1] & 0xFF, bytes[2] & 0xFF, interlace);
        if (problem != null) {
            throw new IllegalArgumentException("PNG metadata: " + problem);
        }
        PngType type = new PngType(bytes[1] & 0xFF, bytes[2] & 0xFF, interlace == 1);
        List<Chunk> chunks = new ArrayList<>();
        int marks = 0;
        boolean palette = false;
        int position = HEADER_BYTES;
        while (position < bytes.length) {
            if (bytes.length - position < 8) {
                throw new IllegalArgumentException("PNG metadata: chunk header cut at byte " + position);
            }
            long length = readInt(bytes, position) & 0xFFFFFFFFL;
            String chunkType = chunkType(bytes, position + 4);
            if (chunkType == null || chunkType.equals("IHDR") || chunkType.equals("IEND")) {
                throw new IllegalArgumentException("PNG metadata: no chunk type that may be kept at byte " + (position + 4));
            }
            if (length > bytes.length - position - 8) {
                throw new IllegalArgumentException("PNG metadata: chunk " + chunkType + " of " + length + " bytes cut at byte " + bytes.length);
            }
            if (chunkType.equals(IMAGE_DATA)) {
                if (length != 0) {
                    throw new IllegalArgumentException("PNG metadata: the image data marker has " + length + " bytes");
                }
                marks++;
            }
            palette |= chunkType.equals("PLTE") && marks == 0;
            int start = position + 8;
            chunks.add(new Chunk(chunkType, Arrays.copyOfRange(bytes, start, start + (int) length)));
            position = start + (int) length;
        }
        if (marks != 1) {
            throw new IllegalArgumentException("PNG metadata: " + marks + " image data markers, 1 expected");
        }
        if (type.colourType() == 3 && !palette) {
            throw new IllegalArgumentException("PNG metadata of a palette image without a PLTE chunk before the image data");
        }
        return new PngMetadata(type, chunks);
    }

    /** The chunk type at {@code offset}, or {@code null} if its 4 bytes are not all ASCII letters. */
    static String chunkType(byte[] bytes, int offset) {
        for (int i = 0; i < 4; i++) {
            int b = bytes[offset + i];
            if (!(b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z')) {
                return null;
            }
        }
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }

    static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16 | (bytes[offset + 2] & 0xFF) << 8 | bytes[offset + 3] & 0xFF;
    }

    static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
