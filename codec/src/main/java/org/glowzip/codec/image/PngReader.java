package org.glowzip.codec.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.glowzip.codec.MalformedStreamException;

/**
 * Reads a PNG into an {@link Image} bit-exactly: every colour type, bit depth and interlacing,
 * samples as the file holds them and the rest in the {@link PngMetadata}.
 *
 * <p>Every chunk's length is checked against the bytes present and its CRC before it is used;
 * the pixel memory is allocated only after the header passed {@link Image#shapeProblem} and the
 * compressed image data is large enough to inflate to the declared size (deflate expands at most
 * {@value #MAX_INFLATE_RATIO} times). The image data is inflated a scanline at a time straight
 * into the image's planes, so decoding needs the planes, the file and two scanlines.
 */
final class PngReader {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Deflate codes at best 258 bytes in 2 bits. */
    static final long MAX_INFLATE_RATIO = 1032;

    private static final int HEADER_LENGTH = 13;

    private final byte[] png;
    private PngType type;
    private int width;
    private int height;
    private int paletteEntries;
    private boolean transparency;
    private final List<PngMetadata.Chunk> chunks = new ArrayList<>();
    private final List<int[]> imageData = new ArrayList<>();
    private long metadataBytes;

    private PngReader(byte[] png) {
        this.png = png;
    }

    /** Decodes {@code png}, a whole PNG file. */
    static Image read(byte[] png) throws MalformedStreamException {
        PngReader reader = new PngReader(png);
        reader.readChunks();
        return reader.decode();
    }

    private void readChunks() throws MalformedStreamException {
        if (png.length < SIGNATURE.length || !Arrays.equals(png, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new MalformedStreamException(0, "no PNG signature");
        }
        int position = SIGNATURE.length;
        metadataBytes = 4;
        String previous = "";
        while (true) {
            if (png.length - position < 12) {
                throw new MalformedStreamException(position, "PNG truncated: a chunk expected, " + (png.length - position) + " bytes left");
            }
            long length = PngMetadata.readInt(png, position) & 0xFFFFFFFFL;
            String name = PngMetadata.chunkType(png, position + 4);
            if (name == null) {
                throw new MalformedStreamException(position + 4, "chunk type is not 4 ASCII letters");
            }
            if (length > png.length - position - 12) {
                throw new MalformedStreamException(position, "PNG truncated: chunk " + name + " of " + length + " bytes, "
                        + (png.length - position - 12) + " present");
            }
            int start = position + 8;
            int end = start + (int) length;
            CRC32 crc = new CRC32();
            crc.update(png, position + 4, (int) length + 4);
            if ((int) crc.getValue() != PngMetadata.readInt(png, end)) {
                throw new MalformedStreamException(end, "CRC mismatch in chunk " + name);
            }
            if (type == null && !name.equals("IHDR")) {
                throw new MalformedStreamException(position, "first chunk is " + name + ", not IHDR");
            }
            if (name.equals("IEND")) {
                break;
            }
            accept(name, position, start, (int) length, previous);
            previous = name;
            position = end + 4;
        }
        if (imageData.isEmpty()) {
            throw new MalformedStreamException(position, "PNG has no image data (IDAT)");
        }
    }

    private void accept(String name, int position, int start, int length, String previous) throws MalformedStreamException {
        boolean afterData = !imageData.isEmpty();
        switch (name) {
            case "IHDR" -> readHeader(position, start, length);
            case "IDAT" -> {
                if (afterData && !previous.equals("IDAT")) {
                    throw new MalformedStreamException(position, "IDAT chunks are not consecutive");
                }
                if (!afterData) {
                    if (type.colourType() == 3 && paletteEntries == 0) {
                        throw new MalformedStreamException(position, "palette image without a PLTE chunk before its data");
                    }
                    keep(name, start, 0, position);
                }
                imageData.add(new int[] {position, start, length});
            }
            case "PLTE" -> {
                if (paletteEntries > 0 || afterData || transparency || type.colourType() == 0 || type.colourType() == 4
                        || length % 3 != 0 || length == 0 || length / 3 > Math.min(256, 1 << type.bitDepth())) {
                    throw new MalformedStreamException(position, "misplaced or malformed PLTE chunk (" + length
                            + " bytes, colour type " + type.colourType() + ", bit depth " + type.bitDepth() + ")");
                }
                paletteEntries = length / 3;
                keep(name, start, length, position);
            }
            case "tRNS" -> {
                int expected = switch (type.colourType()) {
                    case 0 -> 2;
                    case 2 -> 6;
                    case 3 -> paletteEntries;
                    default -> -1;
                };
                boolean fits = type.colourType() == 3 ? length <= expected : length == expected;
                if (transparency || afterData || !fits || expected <= 0) {
                    throw new MalformedStreamException(position, "misplaced or malformed tRNS chunk (" + length
                            + " bytes, colour type " + type.colourType() + ")");
                }
                transparency = true;
                keep(name, start, length, position);
            }
            default -> {
                if (Character.isUpperCase(name.charAt(0))) {
                    throw new MalformedStreamException(position + 4, "unknown critical chunk " + name);
                }
                keep(name, start, length, position);
            }
        }
    }

    private void readHeader(int position, int start, int length) throws MalformedStreamException {
        if (type != null || length != HEADER_LENGTH) {
            throw new MalformedStreamException(position, type != null ? "second IHDR chunk" : "IHDR of " + length + " bytes, not 13");
        }
        long columns = PngMetadata.readInt(png, start) & 0xFFFFFFFFL;
        long rows = PngMetadata.readInt(png, start + 4) & 0xFFFFFFFFL;
        int colourType = png[start + 9] & 0xFF;
        int bitDepth = png[start + 8] & 0xFF;
        int interlace = png[start + 12] & 0xFF;
        String problem = PngType.problem(colourType, bitDepth, interlace);
        if (problem == null && (png[start + 10] != 0 || png[start + 11] != 0)) {
            problem = "compression method " + (png[start + 10] & 0xFF) + " and filter method " + (png[start + 11] & 0xFF) + " are not 0";
        }
        if (problem != null) {
            throw new MalformedStreamException(start + 8, problem);
        }
        type = new PngType(colourType, bitDepth, interlace == 1);
        problem = Image.shapeProblem(columns, rows, type.sampleFormat());
        if (problem != null) {
            throw new MalformedStreamException(start, problem);
        }
        width = (int) columns;
        height = (int) rows;
    }

    private void keep(String name, int start, int length, int position) throws MalformedStreamException {
        metadataBytes += 8 + length;
        if (Image.metadataProblem(metadataBytes) != null) {
            throw new MalformedStreamException(position, "PNG chunks besides the image data exceed the " + Image.MAX_METADATA
                    + " bytes of metadata kept with an image");
        }
        chunks.add(new PngMetadata.Chunk(name, Arrays.copyOfRange(png, start, start + length)));
    }

    private Image decode() throws MalformedStreamException {
        long compressed = imageData.stream().mapToLong(chunk -> chunk[2]).sum();
        long expected = type.imageDataBytes(width, height);
        if (expected > compressed * MAX_INFLATE_RATIO + MAX_INFLATE_RATIO) {
            throw new MalformedStreamException(imageData.get(0)[0], compressed + " bytes of image data cannot inflate to the "
                    + expected + " bytes a " + width + "x" + height + " image needs");
        }
        SampleFormat format = type.sampleFormat();
        byte[] samples = new byte[width * height * format.planes()];
        try (ImageData data = new ImageData(expected)) {
            for (int[] pass : type.passes()) {
                int columns = PngType.passSize(width, pass[0], pass[2]);
                int rows = PngType.passSize(height, pass[1], pass[3]);
                byte[] row = new byte[(int) type.rowBytes(columns)];
                byte[] previous = null;
                for (int r = 0; r < rows && columns > 0; r++) {
                    long at = data.produced();
                    int filter = data.read();
                    data.readFully(row);
                    if (!PngFilter.unfilter(filter, row, previous, type.filterDistance())) {
                        throw new MalformedStreamException(imageData.get(0)[0], "filter type " + filter + " at byte " + at
                                + " of the inflated image data");
                    }
                    unpack(row, columns, pass, pass[1] + r * pass[3], samples);
                    previous = previous == null ? new byte[row.length] : previous;
                    byte[] unfiltered = row;
                    row = previous;
                    previous = unfiltered;
                }
            }
            data.finish();
        }
        return Image.ownPlanes(width, height, format, samples).withMetadata(new PngMetadata(type, chunks).encode(format));
    }

    /** The inflated image data, read as it is needed from the IDAT chunks in turn. */
    private final class ImageData implements AutoCloseable {
        private final Inflater inflater = new Inflater();
        private final long expected;
        private final byte[] one = new byte[1];
        private int next;
        private int chunk;
        private long produced;

        ImageData(long expected) {
            this.expected = expected;
        }

        long produced() {
            return produced;
        }

        int read() throws MalformedStreamException {
            readFully(one);
            return one[0] & 0xFF;
        }

        void readFully(byte[] buffer) throws MalformedStreamException {
            int filled = 0;
            while (filled < buffer.length) {
                if (inflater.finished() || inflater.needsInput() && next == imageData.size()) {
                    throw new MalformedStreamException(chunk, "the image data ends after " + produced + " of " + expected + " bytes");
                }
                int n = inflate(buffer, filled, buffer.length - filled);
                filled += n;
                produced += n;
            }
        }

        /** Checks that the zlib stream ends, with its checksum, where the image does. */
        void finish() throws MalformedStreamException {
            while (!inflater.finished()) {
                if (inflater.needsInput() && next == imageData.size()) {
                    throw new MalformedStreamException(chunk, "the image data's zlib stream is cut short after " + produced + " of "
                            + expected + " bytes");
                }
                if (inflate(one, 0, 1) > 0) {
                    throw new MalformedStreamException(chunk, "image data inflates to more than the " + expected + " bytes of the image");
                }
            }
        }

        /** Inflates into {@code buffer}, first moving to the next chunk if the current one is used up. */
        private int inflate(byte[] buffer, int offset, int length) throws MalformedStreamException {
            if (inflater.needsInput()) {
                int[] data = imageData.get(next++);
                chunk = data[0];
                inflater.setInput(png, data[1], data[2]);
                return 0;
            }
            try {
                int n = inflater.inflate(buffer, offset, length);
                if (n == 0 && inflater.needsDictionary()) {
                    throw new MalformedStreamException(chunk, "image data asks for a preset zlib dictionary");
                }
                return n;
            } catch (DataFormatException e) {
                throw new MalformedStreamException(chunk, "image data is not valid zlib: " + e.getMessage());
            }
        }

        @Override
        public void close() {
            inflater.end();
        }
    }

    /** Copies one unfiltered scanline of a pass into the image's planes, high bytes first. */
    private void unpack(byte[] row, int columns, int[] pass, int y, byte[] samples) {
        int channels = type.channels();
        int depth = type.bitDepth();
        int planes = type.sampleFormat().planes();
        int mask = type.maxValue();
        for (int i = 0; i < columns; i++) {
            int base = (y * width + pass[0] + i * pass[2]) * planes;
            for (int c = 0; c < channels; c++) {
                int s = i * channels + c;
                if (depth == 16) {
                    samples[base + c] = row[2 * s];
                    samples[base + channels + c] = row[2 * s + 1];
                } else if (depth == 8) {
                    samples[base + c] = row[s];
                } else {
                    int bit = s * depth;
                    samples[base + c] = (byte) ((row[bit >>> 3] & 0xFF) >>> (8 - depth - (bit & 7)) & mask);
                }
            }
        }
    }
}
