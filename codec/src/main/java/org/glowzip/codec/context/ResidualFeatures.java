package org.glowzip.codec.context;

import org.glowzip.codec.image.Canvas;
/**
 * The features of the photo context models: the causal neighbourhood as residuals from a
 * predictor, and symbols that are residuals too, so the network learns the shape of a
 * prediction error once instead of a distribution per brightness.
 *
 * <h2>Predictor</h2>
 * {@code P(k, y, x)} of channel k, from its samples N at {@code (y-1, x)}, W at {@code (y, x-1)}
 * and NW at {@code (y-1, x-1)}: the median edge detector {@code min(N, W)} if
 * {@code NW >= max(N, W)}, {@code max(N, W)} if {@code NW <= min(N, W)}, else
 * {@code N + W - NW}; W alone or N alone where only it can be read; 128 where neither can (NW
 * can be read whenever N and W can). The symbols of sample {@code (c, y, x)} are offset by
 * {@code P(c, y, x)}: symbol s is value {@code (s + P) & 255}.
 *
 * <h2>Features</h2>
 * With {@code r(k, y', x') = (v - P(k, y, x)) / 32} for a readable sample v of channel k and 0
 * otherwise, the F = 2R(R+1) + 5(C-1) + 1 + (C if C > 1) features of sample {@code (c, y, x)}:
 * <ol>
 *   <li>{@code r(c, ...)} at rows {@code y-R..y-1}, columns {@code x-R..x+R}, row-major; then at
 *       row y, columns {@code x-R..x-1};</li>
 *   <li>for {@code k = 0..C-2}: if {@code k < c}, {@code r(k, ...)} at {@code (y, x)}, N, W, NW
 *       and NE {@code (y-1, x+1)}; else five zeros;</li>
 *   <li>{@code P(c, y, x) / 128 - 1};</li>
 *   <li>if C > 1, c one-hot: C features, 1 at index c.</li>
 * </ol>
 * In a model file, the tensor {@value #TENSOR} (one value, the radius R) marks a context model
 * with these features.
 */
public record ResidualFeatures(int radius, int channels) implements ContextFeatures {
    /** The tensor that marks residual features and holds their radius. */
    public static final String TENSOR = ContextModel.PREFIX + "residual-radius";

    private static final float SCALE = 1 / 32f;

    public ResidualFeatures {
        if (radius < 1 || radius > ContextModel.MAX_RADIUS || channels < 1) {
            throw new IllegalArgumentException("residual features of radius " + radius + " over " + channels + " channels");
        }
    }

    /** The number of features for a neighbourhood of {@code radius} over {@code channels} channels. */
    public static int count(int radius, int channels) {
        return 2 * radius * (radius + 1) + 5 * (channels - 1) + 1 + (channels > 1 ? channels : 0);
    }

    @Override
    public int count() {
        return count(radius, channels);
    }

    @Override
    public int features(Canvas canvas, int c, int y, int x, float[] out) {
        int prediction = predict(canvas, c, y, x);
        int n = 0;
        for (int dy = -radius; dy <= 0; dy++) {
            int last = dy < 0 ? radius : -1;
            for (int dx = -radius; dx <= last; dx++) {
                out[n++] = residual(canvas.value(c, y + dy, x + dx), prediction);
            }
        }
        for (int k = 0; k < channels - 1; k++) {
            if (k < c) {
                int base = predict(canvas, k, y, x);
                out[n++] = residual(canvas.value(k, y, x), base);
                out[n++] = residual(canvas.value(k, y - 1, x), base);
                out[n++] = residual(canvas.value(k, y, x - 1), base);
                out[n++] = residual(canvas.value(k, y - 1, x - 1), base);
                out[n++] = residual(canvas.value(k, y - 1, x + 1), base);
            } else {
                for (int i = 0; i < 5; i++) {
                    out[n++] = 0f;
                }
            }
        }
        out[n++] = prediction / 128f - 1f;
        if (channels > 1) {
            for (int k = 0; k < channels; k++) {
                out[n++] = k == c ? 1f : 0f;
            }
        }
        return prediction;
    }

    /** {@code P(k, y, x)}, the median edge detector's prediction (see the class comment). */
    public static int predict(Canvas canvas, int k, int y, int x) {
        int north = canvas.value(k, y - 1, x);
        int west = canvas.value(k, y, x - 1);
        if (north == Canvas.UNREADABLE) {
            return west == Canvas.UNREADABLE ? 128 : west;
        }
        if (west == Canvas.UNREADABLE) {
            return north;
        }
        int northWest = canvas.value(k, y - 1, x - 1);
        int max = Math.max(north, west);
        int min = Math.min(north, west);
        return northWest >= max ? min : northWest <= min ? max : north + west - northWest;
    }

    private static float residual(int sample, int prediction) {
        return sample == Canvas.UNREADABLE ? 0f : (sample - prediction) * SCALE;
    }
}
