package org.glowzip.codec.image;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.glowzip.codec.MalformedStreamException;

/**
 * The image file formats glowzip reads and writes: PNG (through ImageIO) and binary PGM/PPM
 * ({@code P5} gray, {@code P6} RGB, maximum value up to 255).
 */
public enum ImageFormat {
    PNG("png"),
    PNM("pnm");

    private final String extension;

    ImageFormat(String extension) {
        this.extension = extension;
    }

    /** The usual file name extension ({@code pgm} or {@code ppm} for gray or RGB PNM). */
    public String extension(Image image) {
        return this == PNM ? (image.channels() == 1 ? "pgm" : "ppm") : extension;
    }

    /** The format of a file starting with {@code bytes}, or {@code null} if neither. */
    public static ImageFormat detect(byte[] bytes) {
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return PNG;
        }
        if (bytes.length >= 2 && bytes[0] == 'P' && (bytes[1] == '5' || bytes[1] == '6')) {
            return PNM;
        }
        return null;
    }

    /** Decodes a PNG, PGM or PPM file. */
    public static Image read(byte[] bytes) throws MalformedStreamException {
        ImageFormat format = detect(bytes);
        if (format == null) {
            throw new MalformedStreamException(0, "not a PNG, PGM (P5) or PPM (P6) image");
        }
        return format == PNG ? readPng(bytes) : readPnm(bytes);
    }

    /** Encodes {@code image} in this format. */
    public byte[] write(Image image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (this == PNG) {
            try {
                ImageIO.write(image.toBufferedImage(), "png", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            out.writeBytes(((image.channels() == 1 ? "P5" : "P6") + "\n" + image.width() + " " + image.height() + "\n255\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(image.samples());
        }
        return out.toByteArray();
    }

    /** Reads the PNG's size first, so that no pixel memory is allocated for an absurd header. */
    private static Image readPng(byte[] bytes) throws MalformedStreamException {
        javax.imageio.ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in);
            String problem = Image.shapeProblem(reader.getWidth(0), reader.getHeight(0), SampleFormat.GRAY);
            if (problem != null) {
                throw new MalformedStreamException(16, problem);
            }
            return Image.fromBufferedImage(reader.read(0));
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedStreamException m) {
                throw m;
            }
            throw new MalformedStreamException(0, "unreadable PNG: " + e.getMessage());
        } finally {
            reader.dispose();
        }
    }

    private static Image readPnm(byte[] bytes) throws MalformedStreamException {
        PnmHeader header = new PnmHeader(bytes);
        int channels = bytes[1] == '5' ? 1 : 3;
        long width = header.number("width");
        long height = header.number("height");
        long max = header.number("maximum value");
        int start = header.endOfHeader();
        String problem = Image.shapeProblem(width, height, SampleFormat.of8Bit(channels));
        if (problem != null) {
            throw new MalformedStreamException(3, problem);
        }
        if (max < 1 || max > 255) {
            throw new MalformedStreamException(start - 1, "maximum value " + max + " outside 1..255");
        }
        long size = width * height * channels;
        if (bytes.length - start < size) {
            throw new MalformedStreamException(bytes.length, "PNM truncated: " + size + " samples expected, " + (bytes.length - start) + " present");
        }
        byte[] samples = java.util.Arrays.copyOfRange(bytes, start, start + (int) size);
        for (int i = 0; i < samples.length; i++) {
            if ((samples[i] & 0xFF) > max) {
                throw new MalformedStreamException(start + i, "sample " + (samples[i] & 0xFF) + " above the maximum value " + max);
            }
        }
        return Image.of((int) width, (int) height, channels, samples);
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
