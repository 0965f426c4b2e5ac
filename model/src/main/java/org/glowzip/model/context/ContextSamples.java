package org.glowzip.model.context;

import org.glowzip.codec.context.ContextFeatures;
import org.glowzip.codec.image.Canvas;
import org.glowzip.model.data.ImageSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The samples of the first images of a set as examples for a context model: sample
 * {@code code = i * S + p} ({@code S = C * H * W}) is the value at planar index
 * {@code p = (c * H + y) * W + x} of image i. Each image is cut into tiles of
 * {@code tileHeight x tileWidth} (the last row and column of tiles cut short), and a sample's
 * features are what {@link ContextFeatures#features} gives it on the image as a canvas with its
 * tile current: what the codec's context model sees when it codes the image with neighbours. Its
 * target is its symbol, the value less the features' offset, modulo 256.
 */
public final class ContextSamples {
    private final byte[][] images;
    private final int channels;
    private final int height;
    private final int width;
    private final ContextFeatures features;
    private final int tileHeight;
    private final int tileWidth;

    /** The samples of the first {@code limit} images of {@code set} (all if it has fewer). */
    public ContextSamples(ImageSet set, int limit, ContextFeatures features, int tileHeight, int tileWidth) {
        int count = Math.min(limit, set.size());
        if ((long) count * set.imageSize() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(count + " images of " + set.imageSize() + " samples are more than 2^31-1 samples");
        }
        if (tileHeight < 1 || tileWidth < 1) {
            throw new IllegalArgumentException("tiles of " + tileHeight + "x" + tileWidth);
        }
        this.images = new byte[count][];
        for (int i = 0; i < count; i++) {
            images[i] = set.samples(i);
        }
        this.channels = set.channels();
        this.height = set.height();
        this.width = set.width();
        this.features = features;
        this.tileHeight = tileHeight;
        this.tileWidth = tileWidth;
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
        return features.count();
    }

    /**
     * The examples {@code codes[from..from+n)}: returns their features as an {@code [n, F]} array
     * and writes their symbols to {@code targets[0..n)}.
     */
    public INDArray examples(int[] codes, int from, int n, int[] targets, DataType type) {
        int featureCount = features.count();
        float[] values = new float[n * featureCount];
        float[] row = new float[featureCount];
        int size = imageSize();
        for (int b = 0; b < n; b++) {
            int code = codes[from + b];
            byte[] image = images[code / size];
            int p = code % size;
            int x = p % width;
            int y = p / width % height;
            int c = p / (width * height);
            int top = y / tileHeight * tileHeight;
            int left = x / tileWidth * tileWidth;
            Canvas canvas = Canvas.of(image, channels, height, width)
                    .tile(top, left, Math.min(tileHeight, height - top), Math.min(tileWidth, width - left));
            int offset = features.features(canvas, c, y, x, row);
            System.arraycopy(row, 0, values, b * featureCount, featureCount);
            targets[b] = ((image[p] & 0xFF) - offset) & 0xFF;
        }
        return Nd4j.create(values, new long[] {n, featureCount}, DataType.FLOAT).castTo(type);
    }
}
