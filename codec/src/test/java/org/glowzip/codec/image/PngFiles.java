package org.glowzip.codec.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * PNG files built and taken apart by hand, independently of {@link PngReader} and
 * {@link PngWriter}: chunks with their CRCs, and non-interlaced scanlines with filter 0 and
 * samples packed most significant bit first.
 */
final class PngFiles {
    private PngFiles() {
    }

    /** A chunk of a PNG file. */
    record Chunk(String type, byte[] data) {
    }

    /**
     * A non-interlaced PNG of {@code values[(y * width + x) * channels + c]} with {@code extra}
     * chunks before the image data.
     */
    static byte[] build(int width, int height, int colourType, int bitDepth, int[] values, List<Chunk> extra) {
        int channels = switch (colourType) {
            case 0, 3 -> 1;
            case 4 -> 2;
            case 2 -> 3;
            default -> 4;
        };
        ByteArrayOutputStream scanlines = new ByteArrayOutputStream();
        int rowBits = width * channels * bitDepth;
        for (int y = 0; y < height; y++) {
            scanlines.write(0);
            byte[] row = new byte[(rowBits + 7) / 8];
            for (int i = 0; i < width * channels; i++) {
                int value = values[y * width * channels + i];
                long bit = (long) i * bitDepth;
                for (int b = bitDepth - 1; b >= 0; b--, bit++) {
                    if ((value >>> b & 1) != 0) {
                        row[(int) (bit / 8)] |= (byte) (0x80 >>> (bit % 8));
                    }
                }
            }
            scanlines.writeBytes(row);
        }
        List<Chunk> chunks = new ArrayList<>();
        chunks.add(new Chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bitDepth).put((byte) colourType)
                .put(new byte[3]).array()));
        chunks.addAll(extra);
        chunks.add(new Chunk("IDAT", zlib(scanlines.toByteArray())));
        chunks.add(new Chunk("IEND", new byte[0]));
        return file(chunks);
    }

    static byte[] zlib(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION))) {
            zlib.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The file of these chunks, signature and CRCs added. */
    static byte[] file(List<Chunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        for (Chunk chunk : chunks) {
            byte[] type = chunk.type().getBytes(StandardCharsets.US_ASCII);
            out.writeBytes(ByteBuffer.allocate(4).putInt(chunk.data().length).array());
            out.writeBytes(type);
            out.writeBytes(chunk.data());
            CRC32 crc = new CRC32();
            crc.update(type);
            crc.update(chunk.data());
            out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }
        return out.toByteArray();
    }

    /** Recomputes, in place, the CRC of every chunk whose length fits the file, so that damage reaches past the CRC check. */
    static void fixCrcs(byte[] png) {
        int position = 8;
        while (position + 12 <= png.length) {
            long length = ByteBuffer.wrap(png, position, 4).getInt() & 0xFFFFFFFFL;
            if (length > png.length - position - 12) {
                return;
            }
            CRC32 crc = new CRC32();
            crc.update(png, position + 4, (int) length + 4);
            ByteBuffer.wrap(png).putInt(position + 8 + (int) length, (int) crc.getValue());
            position += 12 + (int) length;
        }
    }

    /** The chunks of a PNG file, in order (CRCs not checked). */
    static List<Chunk> chunks(byte[] png) {
        List<Chunk> chunks = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        while (in.remaining() >= 12) {
            byte[] data = new byte[in.getInt()];
            byte[] type = new byte[4];
            in.get(type).get(data).getInt();
            chunks.add(new Chunk(new String(type, StandardCharsets.US_ASCII), data));
        }
        return chunks;
    }

    /** The types of the chunks of a PNG file, in order. */
    static List<String> chunkTypes(byte[] png) {
        return chunks(png).stream().map(Chunk::type).toList();
    }

    /** The IHDR of a PNG file: colour type, bit depth, interlace method. */
    static List<Integer> type(byte[] png) {
        byte[] header = chunks(png).get(0).data();
        return List.of(header[9] & 0xFF, header[8] & 0xFF, header[12] & 0xFF);
    }
}
