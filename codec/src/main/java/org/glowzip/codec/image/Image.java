package org.glowzip.codec.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * An 8-bit image: {@code width x height} pixels of 1 (gray) or 3 (RGB) channels. Samples are
 * stored interleaved, row-major: sample {@code (y, x, c)} is at {@code (y * width + x) * channels + c}.
 * Instances are immutable.
 */
public final class Image {
    /** Largest accepted width or height. */
    public static final int MAX_SIDE = 1 << 16;
    /** Largest accepted number of samples, {@code width * height * channels}. */
    public static final long MAX_SAMPLES = 1L << 28;

    private final int width;
    private final int height;
    private final int channels;
    private final byte[] samples;

    private Image(int width, int height, int channels, byte[] samples) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.samples = samples;
    }

    /**
     * An image over a copy of {@code samples}.
     *
     * @throws IllegalArgumentException if the sizes are out of range or do not match the samples
     */
    public static Image of(int width, int height, int channels, byte[] samples) {
        checkShape(width, height, channels);
        if (samples.length != (long) width * height * channels) {
            throw new IllegalArgumentException(samples.length + " samples for " + width + "x" + height + "x" + channels);
        }
        return new Image(width, height, channels, samples.clone());
    }

    /** Why this shape is not accepted, or {@code null}; sizes are checked before allocation with this. */
    public static String shapeProblem(long width, long height, long channels) {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            return "image size " + width + "x" + height + " outside 1.." + MAX_SIDE;
        }
        if (channels != 1 && channels != 3) {
            return channels + " channels; 1 (gray) or 3 (RGB) are supported";
        }
        if (width * height * channels > MAX_SAMPLES) {
            return "image of " + width * height * channels + " samples exceeds " + MAX_SAMPLES;
        }
        return null;
    }

    private static void checkShape(int width, int height, int channels) {
        String problem = shapeProblem(width, height, channels);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channels() {
        return channels;
    }

    /** Number of samples, {@code width * height * channels}: the "dimensions" of bits per dimension. */
    public int sampleCount() {
        return samples.length;
    }

    /** Sample {@code (y, x, c)} in {@code [0, 255]}. */
    public int sample(int y, int x, int c) {
        return samples[(y * width + x) * channels + c] & 0xFF;
    }

    /** A copy of the interleaved samples. */
    public byte[] samples() {
        return samples.clone();
    }

    /** A gray or RGB {@link BufferedImage} of this image. */
    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster raster = image.getRaster();
        int[] pixel = new int[channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    pixel[c] = sample(y, x, c);
                }
                raster.setPixel(x, y, pixel);
            }
        }
        return image;
    }

    /**
     * The image's samples: single-band gray images stay gray (16-bit samples keep their high
     * byte), anything else becomes RGB through {@link BufferedImage#getRGB} (alpha dropped).
     */
    public static Image fromBufferedImage(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        Raster raster = image.getRaster();
        boolean gray = raster.getNumBands() == 1 && !(image.getColorModel() instanceof java.awt.image.IndexColorModel);
        int shift = gray ? raster.getSampleModel().getSampleSize(0) - 8 : 0;
        int channels = gray ? 1 : 3;
        checkShape(width, height, channels);
        byte[] samples = new byte[width * height * channels];
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (gray) {
                    samples[i++] = (byte) (shift > 0 ? raster.getSample(x, y, 0) >>> shift : raster.getSample(x, y, 0));
                } else {
                    int rgb = image.getRGB(x, y);
                    samples[i++] = (byte) (rgb >> 16);
                    samples[i++] = (byte) (rgb >> 8);
                    samples[i++] = (byte) rgb;
                }
            }
        }
        return new Image(width, height, channels, samples);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Image that && width == that.width && height == that.height
                && channels == that.channels && Arrays.equals(samples, that.samples);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * width + height) + channels) + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "Image[" + width + "x" + height + "x" + channels + "]";
    }
}
