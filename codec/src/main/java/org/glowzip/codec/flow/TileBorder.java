package org.glowzip.codec.flow;

import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.nn.FeatureMap;

/**
 * The decoded samples next to a tile that a conditioned Glow reads ({@link GlowLayout}'s border
 * condition): the row just above the tile and the column just left of it, each in every channel,
 * or absent where the tile starts its canvas's row or column of tiles (or is coded alone). Both
 * are decoded before the tile in every tile order the codec uses.
 *
 * <h2>Condition planes</h2>
 * At a level whose pixels cover {@code s x s} samples of a {@code C x H x W} tile
 * ({@code h = H / s} rows, {@code w = W / s} columns) there are {@code 2C + 4} planes: plane
 * {@code c < C} holds at {@code (y, x)} the mean of the {@code s} samples above columns
 * {@code [x s, (x + 1) s)}, scaled like the Glow's input to {@code (v + 0.5) / 256 - 0.5}, the same
 * in every row; plane {@code C + c} the mean of the {@code s} samples left of rows
 * {@code [y s, (y + 1) s)} likewise; both 0 where the row or column is absent. Plane {@code 2C} is 1
 * where the row above is present, {@code 2C + 1} where the left column is, 0 elsewhere; plane
 * {@code 2C + 2} is the row's position {@code (y + 0.5) / h - 0.5}, {@code 2C + 3} the column's.
 * Every value is one exact double expression rounded to float once, so both ends agree.
 */
public final class TileBorder {
    private final int channels;
    private final int height;
    private final int width;
    /** {@code C x W} samples, or null where absent. */
    private final byte[] above;
    /** {@code C x H} samples, or null where absent. */
    private final byte[] left;

    /**
     * @param above the row above the tile, {@code C x W} samples channel after channel, or null
     * @param left  the column left of the tile, {@code C x H} samples channel after channel, or null
     */
    public TileBorder(int channels, int height, int width, byte[] above, byte[] left) {
        if (channels < 1 || height < 1 || width < 1 || above != null && above.length != channels * width
                || left != null && left.length != channels * height) {
            throw new IllegalArgumentException("a border of " + (above == null ? 0 : above.length) + " and "
                    + (left == null ? 0 : left.length) + " samples for a " + channels + "x" + height + "x" + width + " tile");
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.above = above == null ? null : above.clone();
        this.left = left == null ? null : left.clone();
    }

    /** The border of a tile with neither neighbour. */
    public static TileBorder none(int channels, int height, int width) {
        return new TileBorder(channels, height, width, null, null);
    }

    public boolean hasAbove() {
        return above != null;
    }

    public boolean hasLeft() {
        return left != null;
    }

    /** The condition planes at a level whose pixels cover {@code scale x scale} samples (see the class comment). */
    public FeatureMap planes(int scale) {
        if (scale < 1 || height % scale != 0 || width % scale != 0) {
            throw new IllegalArgumentException("a " + height + "x" + width + " tile has no level of " + scale + "x" + scale + " pixels");
        }
        int rows = height / scale;
        int columns = width / scale;
        FeatureMap planes = new FeatureMap(2 * channels + GlowLayout.CONDITION_PLANES_BEYOND_CHANNELS, rows, columns);
        for (int c = 0; c < channels; c++) {
            for (int x = 0; above != null && x < columns; x++) {
                float value = scaledMean(above, c * width + x * scale, scale);
                for (int y = 0; y < rows; y++) {
                    planes.set(c, y, x, value);
                }
            }
            for (int y = 0; left != null && y < rows; y++) {
                float value = scaledMean(left, c * height + y * scale, scale);
                for (int x = 0; x < columns; x++) {
                    planes.set(channels + c, y, x, value);
                }
            }
        }
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                planes.set(2 * channels, y, x, above != null ? 1f : 0f);
                planes.set(2 * channels + 1, y, x, left != null ? 1f : 0f);
                planes.set(2 * channels + 2, y, x, (float) ((y + 0.5) / rows - 0.5));
                planes.set(2 * channels + 3, y, x, (float) ((x + 0.5) / columns - 0.5));
            }
        }
        return planes;
    }

    private static float scaledMean(byte[] samples, int from, int count) {
        int sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += samples[i] & 0xFF;
        }
        return (float) (((double) sum / count + 0.5) / 256 - 0.5);
    }
}
