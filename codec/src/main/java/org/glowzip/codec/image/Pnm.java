package org.glowzip.codec.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.glowzip.codec.MalformedStreamException;

/**
 * Binary PGM ({@code P5}, gray) and PPM ({@code P6}, RGB) with any maximum value from 1 to 65535:
 * one byte per sample up to 255, two bytes (high byte first) above, read as 8-bit or 16-bit
 * images.
 *
 * <p>A maximum value other than 255 (8-bit) or 65535 (16-bit) is kept as the image's metadata,
 * 3 bytes: 0x4E ('N'), then the maximum value as 2 bytes, high byte first; written back, the file
 * has the same maximum value. Without it (or with another format's metadata) the maximum value is
 * the sample format's, except that gray of fewer than 8 bits read from a PNG keeps its own
 * ({@code 2^depth - 1}).
 */
final class Pnm {
    /** The first byte of PNM metadata. */
    static final int TAG = 'N';

    private static final int METADATA_BYTES = 3;

    private Pnm() {
    }

    static Image read(byte[] bytes) throws MalformedStreamException {
        PnmHeader header = new PnmHeader(bytes);
        int channels = bytes[1] == '5' ? 1 : 3;
        long width = header.number("width");
        long height = header.number("height");
        long max = header.number("maximum value");
        int start = header.endOfHeader();
        if (max < 1 || max > 65535) {
            throw new MalformedStreamException(start - 1, "maximum value " + max + " outside 1..65535");
        }
        SampleFormat format = new SampleFormat(channels, max < 256 ? 8 : 16);
        String problem = Image.shapeProblem(width, height, format);
        if (problem != null) {
            throw new MalformedStreamException(3, problem);
        }
        int bytesPerSample = format.bitDepth() / 8;
        int count = (int) width * (int) height * channels;
        if (bytes.length - start < (long) count * bytesPerSample) {
            throw new MalformedStreamException(bytes.length, "PNM truncated: " + count + " samples expected, "
                    + (bytes.length - start) / bytesPerSample + " present");
        }
        byte[] planes = new byte[count * bytesPerSample];
        for (int i = 0; i < count; i++) {
            int at = start + i * bytesPerSample;
            int value = bytesPerSample == 1 ? bytes[at] & 0xFF : (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
            if (value > max) {
                throw new MalformedStreamException(at, "sample " + value + " above the maximum value " + max);
            }
            if (bytesPerSample == 1) {
                planes[i] = (byte) value;
            } else {
                int pixel = i / channels * 2 * channels + i % channels;
                planes[pixel] = (byte) (value >>> 8);
                planes[pixel + channels] = (byte) value;
            }
        }
        Image image = Image.ownPlanes((int) width, (int) height, format, planes);
        return max == format.maxValue() ? image : image.withMetadata(new byte[] {TAG, (byte) (max >>> 8), (byte) max});
    }

    /**
     * The PGM or PPM file of a gray or RGB image.
     *
     * @throws IllegalArgumentException for alpha, palette indices, or samples above the kept maximum value
     */
    static byte[] write(Image image) {
        SampleFormat format = image.format();
        if (format.hasAlpha()) {
            throw new IllegalArgumentException("PGM and PPM hold gray or RGB, not " + format + "; write it as PNG");
        }
        int max = maxValue(image);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(((format.isColour() ? "P6" : "P5") + "\n" + image.width() + " " + image.height() + "\n" + max + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                for (int c = 0; c < format.channels(); c++) {
                    int value = image.value(y, x, c);
                    if (value > max) {
                        throw new IllegalArgumentException("sample " + value + " at (" + x + ", " + y + ") above the maximum value " + max);
                    }
                    if (format.bitDepth() == 16) {
                        out.write(value >>> 8);
                    }
                    out.write(value);
                }
            }
        }
        return out.toByteArray();
    }

    /** The maximum value the file of {@code image} declares. */
    private static int maxValue(Image image) {
        byte[] metadata = image.metadata();
        SampleFormat format = image.format();
        if (metadata.length == 0) {
            return format.maxValue();
        }
        if ((metadata[0] & 0xFF) == TAG) {
            int max = metadata.length == METADATA_BYTES ? (metadata[1] & 0xFF) << 8 | metadata[2] & 0xFF : 0;
            if (max < 1 || (max < 256) != (format.bitDepth() == 8)) {
                throw new IllegalArgumentException("PNM metadata names no maximum value of a " + format + " image");
            }
            return max;
        }
        if ((metadata[0] & 0xFF) == PngMetadata.TAG) {
            PngType type = PngMetadata.of(image).type();
            if (type.colourType() == 3) {
                throw new IllegalArgumentException("the samples of a palette PNG are palette indices; write it as PNG");
            }
            return type.maxValue();
        }
        return format.maxValue();
    }

    /** The whitespace- and comment-separated numbers of a PNM header. */
    private static final class PnmHeader {
        private final byte[] bytes;
        private int position = 2;

        PnmHeader(byte[] bytes) {
            this.bytes = bytes;
        }

        long number(String what) throws MalformedStreamException {
            skipSpaceAndComments();
            long value = 0;
            int digits = 0;
            while (position < bytes.length && bytes[position] >= '0' && bytes[position] <= '9') {
                value = value * 10 + (bytes[position++] - '0');
                if (++digits > 9) {
                    throw new MalformedStreamException(position, "PNM " + what + " has too many digits");
                }
            }
            if (digits == 0) {
                throw new MalformedStreamException(position, "PNM header: " + what + " expected");
            }
            return value;
        }

        /** Position after the single whitespace byte that ends the header. */
        int endOfHeader() throws MalformedStreamException {
            if (position >= bytes.length || !isSpace(bytes[position])) {
                throw new MalformedStreamException(position, "PNM header must end with one whitespace byte");
            }
            return position + 1;
        }

        private void skipSpaceAndComments() {
            while (position < bytes.length) {
                if (bytes[position] == '#') {
                    while (position < bytes.length && bytes[position] != '\n') {
                        position++;
                    }
                } else if (isSpace(bytes[position])) {
                    position++;
                } else {
                    return;
                }
            }
        }

        private static boolean isSpace(byte b) {
            return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == 0x0c;
        }
    }
}
