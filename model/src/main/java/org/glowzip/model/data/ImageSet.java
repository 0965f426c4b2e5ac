package org.glowzip.model.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.input.ImageInputs;
import org.glowzip.codec.input.ImageSource;
import org.glowzip.codec.input.InputLimits;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 8-bit images of one shape {@code C x H x W}, stored as unsigned bytes in NCHW order, with an
 * optional label per image ({@code -1} when unknown).
 */
public final class ImageSet {
    private final int channels;
    private final int height;
    private final int width;
    private final byte[] pixels;
    private final int[] labels;

    public ImageSet(int channels, int height, int width, byte[] pixels, int[] labels) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("bad image shape " + channels + "x" + height + "x" + width);
        }
        long size = (long) channels * height * width;
        if (pixels.length % size != 0 || pixels.length / size != labels.length) {
            throw new IllegalArgumentException(pixels.length + " bytes are not " + labels.length + " images of " + size);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pixels = Objects.requireNonNull(pixels);
        this.labels = labels;
    }

    public int size() {
        return labels.length;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /**
     * The images of {@code input} (a file or a directory, anything {@link ImageInputs} reads: PNG,
     * PGM, PPM, IDX, tar, zip, gzip), all of one size, with {@code channels} channels: an image
     * with at least that many gives its first ones (1 of RGB takes red), one with fewer repeats
     * its first (3 of gray is gray three times). Labels are -1.
     */
    public static ImageSet read(Path input, int channels) throws IOException {
        try (ImageSource source = new ImageInputs(InputLimits.DEFAULTS).open(input)) {
            ByteArrayOutputStream pixels = new ByteArrayOutputStream();
            Image first = source.next(); // every input the layer opens holds an image
            int count = 0;
            for (Image image = first; image != null; image = source.next()) {
                if (image.width() != first.width() || image.height() != first.height()) {
                    throw new IOException(input + ": image " + count + " is " + image.width() + "x" + image.height()
                            + ", the first is " + first.width() + "x" + first.height());
                }
                for (int c = 0; c < channels; c++) {
                    int band = image.channels() >= channels ? c : 0;
                    for (int y = 0; y < image.height(); y++) {
                        for (int x = 0; x < image.width(); x++) {
                            pixels.write(image.sample(y, x, band));
                        }
                    }
                }
                count++;
            }
            int[] labels = new int[count];
            Arrays.fill(labels, -1);
            return new ImageSet(channels, first.height(), first.width(), pixels.toByteArray(), labels);
        }
    }

    /** This set's images with {@code labels}, one per image. */
    public ImageSet withLabels(int[] labels) {
        return new ImageSet(channels, height, width, pixels, labels.clone());
    }

    /** Samples per image, C x H x W. */
    public int imageSize() {
        return channels * height * width;
    }

    /** Label of image {@code index}, or -1. */
    public int label(int index) {
        return labels[index];
    }

    /** The first {@code count} images. */
    public ImageSet head(int count) {
        int n = Math.min(count, size());
        return new ImageSet(channels, height, width, Arrays.copyOf(pixels, n * imageSize()), Arrays.copyOf(labels, n));
    }

    /** Pixel values of images {@code indices[from..from+count)} as an {@code [n, C, H, W]} float array in [0, 255]. */
    public INDArray batch(int[] indices, int from, int count, DataType type) {
        int size = imageSize();
        float[] values = new float[count * size];
        for (int i = 0; i < count; i++) {
            int offset = indices[from + i] * size;
            for (int j = 0; j < size; j++) {
                values[i * size + j] = pixels[offset + j] & 0xFF;
            }
        }
        return Nd4j.create(values, new long[] {count, channels, height, width}, DataType.FLOAT).castTo(type);
    }

    /** The identity order 0..n-1. */
    public int[] order() {
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }

    /** A permutation of 0..n-1 fixed by {@code seed} ({@link Shuffle#permutation}). */
    public int[] shuffledOrder(long seed) {
        return Shuffle.permutation(size(), seed);
    }

    /** The pixels of image {@code index}, unsigned, C x H x W. */
    public int[] image(int index) {
        int size = imageSize();
        int[] image = new int[size];
        for (int j = 0; j < size; j++) {
            image[j] = pixels[index * size + j] & 0xFF;
        }
        return image;
    }

    /** The samples of image {@code index} as bytes (unsigned values), planar C x H x W: a copy. */
    public byte[] samples(int index) {
        int size = imageSize();
        return Arrays.copyOfRange(pixels, index * size, (index + 1) * size);
    }
}
