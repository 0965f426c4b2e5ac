package org.glowzip.bench.compare;

/**
 * One {@link PerImageCodec} over a list of images, each image alone: the bytes of each
 * ({@link #NOT_CODED} where the codec does not apply to it), the wall times of encoding and of
 * decoding them all, and whether every output decoded back to its image.
 *
 * @param bytes the size of each image's output, in the order of the images it ran on (a tool runs
 *        on the first images only when it is limited, so this may be shorter than the image list)
 * @param samples the samples of the images it coded
 */
public record CodecRun(PerImageCodec codec, long[] bytes, long samples, double encodeSeconds, double decodeSeconds, boolean verified) {
    /** The size of an image the codec did not code. */
    public static final long NOT_CODED = -1;

    public CodecRun {
        bytes = bytes.clone();
    }

    /** The size of image {@code i}'s output, or {@link #NOT_CODED}. */
    public long bytes(int i) {
        return i < bytes.length ? bytes[i] : NOT_CODED;
    }

    @Override
    public long[] bytes() {
        return bytes.clone();
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
