package org.glowzip.model.data;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads a folder of same-sized 8-bit PNG (through ImageIO) or binary PGM ({@code P5}, maxval 255)
 * images, in file-name order, as a set with {@code channels} channels: 1 takes the gray (or first)
 * band, 3 takes RGB. Labels are -1.
 */
public final class ImageFolder {
    private ImageFolder() {
    }

    public static ImageSet read(Path directory, int channels) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(path -> {
                String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".png") || name.endsWith(".pgm");
            }).sorted().collect(Collectors.toList());
        }
        if (files.isEmpty()) {
            throw new IOException(directory + " has no .png or .pgm images");
        }
        int height = -1;
        int width = -1;
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        for (Path file : files) {
            Raster raster = file.toString().toLowerCase(Locale.ROOT).endsWith(".pgm") ? readPgm(file) : readPng(file);
            if (height < 0) {
                height = raster.getHeight();
                width = raster.getWidth();
            } else if (raster.getHeight() != height || raster.getWidth() != width) {
                throw new IOException(file + " is " + raster.getWidth() + "x" + raster.getHeight()
                        + ", the first image is " + width + "x" + height);
            }
            for (int c = 0; c < channels; c++) {
                int band = Math.min(c, raster.getNumBands() - 1);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        pixels.write(raster.getSample(x, y, band));
                    }
                }
            }
        }
        int[] labels = new int[files.size()];
        Arrays.fill(labels, -1);
        return new ImageSet(channels, height, width, pixels.toByteArray(), labels);
    }

    private static Raster readPng(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + " is not a readable image");
        }
        if (image.getColorModel().getComponentSize(0) != 8) {
            throw new IOException(file + " is not an 8-bit image");
        }
        return image.getRaster();
    }

    private static Raster readPgm(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            if (in.read() != 'P' || in.read() != '5') {
                throw new IOException(file + " is not a binary PGM (P5)");
            }
            int width = pgmNumber(in, file);
            int height = pgmNumber(in, file);
            int maxValue = pgmNumber(in, file);
            if (maxValue != 255 || width < 1 || height < 1 || (long) width * height > (1 << 28)) {
                throw new IOException(file + ": unsupported PGM " + width + "x" + height + " maxval " + maxValue);
            }
            byte[] data = in.readNBytes(width * height);
            if (data.length != width * height) {
                throw new IOException(file + " is truncated");
            }
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(0, 0, width, height, data);
            return image.getRaster();
        }
    }

    /** Reads a decimal header number, skipping whitespace and comments, and the one whitespace after it. */
    private static int pgmNumber(InputStream in, Path file) throws IOException {
        int c = in.read();
        while (c == '#' || Character.isWhitespace(c)) {
            if (c == '#') {
                while (c != '\n' && c != -1) {
                    c = in.read();
                }
            }
            c = in.read();
        }
        long value = 0;
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            if (value > Integer.MAX_VALUE) {
                throw new IOException(file + ": PGM header number too large");
            }
            c = in.read();
        }
        if (c == -1) {
            throw new IOException(file + " is truncated");
        }
        return (int) value;
    }
}
