package org.glowzip.codec.context;

import org.glowzip.codec.image.Canvas;
/**
 * The features of the first context models (Fashion-MNIST's): sample values in the causal
 * neighbourhood, each value {@code v} as {@code v / 255 - 1/2} and 0 where it cannot be read,
 * with symbols meaning values as they are (offset 0). The F = 2R(R+1) + (C - 1) + 2 features of
 * sample {@code (c, y, x)}, in order:
 * <ol>
 *   <li>channel c at rows {@code y-R..y-1}, columns {@code x-R..x+R}, row-major; then at row y,
 *       columns {@code x-R..x-1};
 *   <li>for {@code k = 0..C-2}: channel k at {@code (y, x)} if {@code k < c}, else 0;
 *   <li>{@code y' / (h-1) - 1/2} and {@code x' / (w-1) - 1/2} for the position {@code (y', x')}
 *       within the {@code h x w} tile (0 where the side is 1).
 * </ol>
 */
public record NeighbourhoodFeatures(int radius, int channels) implements ContextFeatures {
    /** The number of features for a neighbourhood of {@code radius} over {@code channels} channels. */
    public static int count(int radius, int channels) {
        return 2 * radius * (radius + 1) + channels - 1 + 2;
    }

    /** The features whose count is {@code features} for {@code channels} channels. */
    static NeighbourhoodFeatures ofCount(int features, int channels) {
        for (int r = 0; r <= ContextModel.MAX_RADIUS; r++) {
            if (count(r, channels) == features) {
                return new NeighbourhoodFeatures(r, channels);
            }
        }
        throw new IllegalArgumentException(features + " context features fit no radius <= " + ContextModel.MAX_RADIUS
                + " for " + channels + " channels");
    }

    @Override
    public int count() {
        return count(radius, channels);
    }

    @Override
    public int features(Canvas canvas, int c, int y, int x, float[] out) {
        int n = 0;
        for (int dy = -radius; dy <= 0; dy++) {
            int last = dy < 0 ? radius : -1;
            for (int dx = -radius; dx <= last; dx++) {
                out[n++] = value(canvas.value(c, y + dy, x + dx));
            }
        }
        for (int k = 0; k < channels - 1; k++) {
            out[n++] = k < c ? value(canvas.value(k, y, x)) : 0f;
        }
        out[n++] = position(y - canvas.top(), canvas.tileHeight());
        out[n] = position(x - canvas.left(), canvas.tileWidth());
        return 0;
    }

    private static float value(int sample) {
        return sample == Canvas.UNREADABLE ? 0f : sample / 255f - 0.5f;
    }

    private static float position(int index, int side) {
        return side == 1 ? 0f : (float) index / (side - 1) - 0.5f;
    }
}
