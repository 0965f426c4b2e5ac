package org.glowzip.model.context;

import org.glowzip.codec.context.ContextModel;
import org.glowzip.model.data.ImageSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The samples of the first images of a set as examples for a context model: sample
 * {@code code = i * S + p} ({@code S = C * H * W}) is the value at planar index
 * {@code p = (c * H + y) * W + x} of image i, with the features {@link ContextModel#features}
 * gives it under radius R.
 */
public final class ContextSamples {
    private final byte[][] images;
    private final int channels;
    private final int height;
    private final int width;
    private final int radius;
    private final int featureCount;

    /** The samples of the first {@code limit} images of {@code set} (all if it has fewer). */
    public ContextSamples(ImageSet set, int limit, int radius) {
        int count = Math.min(limit, set.size());
        if ((long) count * set.imageSize() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(count + " images of " + set.imageSize() + " samples are more than 2^31-1 samples");
        }
        this.images = new byte[count][];
        for (int i = 0; i < count; i++) {
            images[i] = set.samples(i);
        }
        this.channels = set.channels();
        this.height = set.height();
        this.width = set.width();
        this.radius = radius;
        this.featureCount = ContextModel.featureCount(radius, channels);
    }

    /** Number of images. */
    public int images() {
        return images.length;
    }

    /** Number of samples, images times S. */
    public int count() {
        return images.length * imageSize();
    }

    /** S, samples per image. */
    public int imageSize() {
        return channels * height * width;
    }

    public int featureCount() {
        return featureCount;
    }

    /**
     * The examples {@code codes[from..from+n)}: returns their features as an {@code [n, F]} array
     * and writes their values to {@code targets[0..n)}.
     */
    public INDArray examples(int[] codes, int from, int n, int[] targets, DataType type) {
        float[] features = new float[n * featureCount];
        float[] row = new float[featureCount];
        int size = imageSize();
        for (int b = 0; b < n; b++) {
            int code = codes[from + b];
            byte[] image = images[code / size];
            int p = code % size;
            int x = p % width;
            int y = p / width % height;
            int c = p / (width * height);
            ContextModel.features(image, channels, height, width, radius, c, y, x, row);
            System.arraycopy(row, 0, features, b * featureCount, featureCount);
            targets[b] = image[p] & 0xFF;
        }
        return Nd4j.create(features, new long[] {n, featureCount}, DataType.FLOAT).castTo(type);
    }
}
