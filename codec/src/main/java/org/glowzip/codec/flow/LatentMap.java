package org.glowzip.codec.flow;

import org.glowzip.codec.nn.FeatureMap;

/**
 * The integer flow's state for one image: {@code channels} planes of {@code height x width}
 * integers, each plane a row-major row array; a {@link Frame} says what they stand for.
 */
public final class LatentMap {
    private final int height;
    private final int width;
    private final long[][] planes;

    public LatentMap(int channels, int height, int width) {
        this.height = height;
        this.width = width;
        this.planes = new long[channels][height * width];
    }

    private LatentMap(int height, int width, long[][] planes) {
        this.height = height;
        this.width = width;
        this.planes = planes;
    }

    public int channels() {
        return planes.length;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Plane {@code c}; writes go through. */
    public long[] plane(int c) {
        return planes[c];
    }

    /** Channels {@code [from, to)} as a map sharing this map's planes. */
    public LatentMap channels(int from, int to) {
        return new LatentMap(height, width, java.util.Arrays.copyOfRange(planes, from, to));
    }

    /** The channels of {@code first} followed by those of {@code second}, sharing their planes. */
    public static LatentMap concat(LatentMap first, LatentMap second) {
        long[][] planes = java.util.Arrays.copyOf(first.planes, first.planes.length + second.planes.length);
        System.arraycopy(second.planes, 0, planes, first.planes.length, second.planes.length);
        return new LatentMap(first.height, first.width, planes);
    }

    /** The float-model values of channels {@code [from, to)} in {@code frame}, as a network input. */
    FeatureMap toFeatureMap(int from, int to, Frame frame) {
        FeatureMap map = new FeatureMap(to - from, height, width);
        for (int c = from; c < to; c++) {
            long[] source = planes[c];
            float[] target = map.plane(c - from);
            for (int i = 0; i < source.length; i++) {
                target[i] = (float) frame.value(c, source[i]);
            }
        }
        return map;
    }

    /**
     * Space-to-depth: each 2x2 block becomes 4 channels, channel {@code 4c + 2dy + dx} holding the
     * block's pixel {@code (dy, dx)} of channel {@code c}. Height and width must be even.
     */
    public LatentMap squeeze() {
        int h = height / 2;
        int w = width / 2;
        LatentMap out = new LatentMap(4 * planes.length, h, w);
        for (int c = 0; c < planes.length; c++) {
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    long[] source = planes[c];
                    long[] target = out.planes[4 * c + 2 * dy + dx];
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            target[y * w + x] = source[(2 * y + dy) * width + 2 * x + dx];
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The inverse of {@link #squeeze}. */
    public LatentMap unsqueeze() {
        int c4 = planes.length / 4;
        LatentMap out = new LatentMap(c4, 2 * height, 2 * width);
        for (int c = 0; c < c4; c++) {
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    long[] source = planes[4 * c + 2 * dy + dx];
                    long[] target = out.planes[c];
                    for (int y = 0; y < height; y++) {
                        for (int x = 0; x < width; x++) {
                            target[(2 * y + dy) * out.width + 2 * x + dx] = source[y * width + x];
                        }
                    }
                }
            }
        }
        return out;
    }
}
