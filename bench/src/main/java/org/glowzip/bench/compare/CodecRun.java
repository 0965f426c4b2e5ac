package org.glowzip.bench.compare;

/**
 * One {@link PerImageCodec} over a list of images, each image alone: the bytes of each
 * ({@link #NOT_CODED} where the codec does not apply to it), the model that coded each, the wall
 * times of encoding and of decoding them all, and whether every output decoded back to its image.
 *
 * @param bytes the size of each image's output, in the order of the images it ran on (a tool runs
 *        on the first images only when it is limited, so this may be shorter than the image list)
 * @param models the name of the model that coded each image, as {@link PerImageCodec#modelNamer}
 *        names it, in the order of {@code bytes}; {@code null} where it names none or the codec did
 *        not code the image
 * @param samples the samples of the images it coded
 */
public record CodecRun(PerImageCodec codec, long[] bytes, String[] models, long samples, double encodeSeconds, double decodeSeconds,
        boolean verified) {
    /** The size of an image the codec did not code. */
    public static final long NOT_CODED = -1;

    public CodecRun {
        bytes = bytes.clone();
        models = models.clone();
        if (models.length != bytes.length) {
            throw new IllegalArgumentException(models.length + " models for " + bytes.length + " images");
        }
    }

    /** The size of image {@code i}'s output, or {@link #NOT_CODED}. */
    public long bytes(int i) {
        return i < bytes.length ? bytes[i] : NOT_CODED;
    }

    @Override
    public long[] bytes() {
        return bytes.clone();
    }

    /** The name of the model that coded image {@code i}, or {@code null} where none is named. */
    public String model(int i) {
        return i < models.length ? models[i] : null;
    }

    @Override
    public String[] models() {
        return models.clone();
    }

    /** How many images it coded. */
    public int images() {
        int images = 0;
        for (long size : bytes) {
            images += size == NOT_CODED ? 0 : 1;
        }
        return images;
    }

    public long totalBytes() {
        long total = 0;
        for (long size : bytes) {
            total += size == NOT_CODED ? 0 : size;
        }
        return total;
    }

    public double encodeSamplesPerSecond() {
        return samples / Math.max(encodeSeconds, 1e-9);
    }

    public double decodeSamplesPerSecond() {
        return samples / Math.max(decodeSeconds, 1e-9);
    }

    /** This run as one row of the comparison on a set of images: total bytes, bits per dimension, images per second. */
    public BenchRow row() {
        return BenchRow.of(codec.name(), codec.setting() + ", per image", images(), samples, totalBytes(), encodeSeconds, decodeSeconds, verified);
    }
}
