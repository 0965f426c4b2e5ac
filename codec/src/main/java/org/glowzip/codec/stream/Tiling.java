package org.glowzip.codec.stream;

import org.glowzip.codec.image.Canvas;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.GlowConfig;

/**
 * How an image of any size maps onto model-shaped tiles.
 *
 * <ul>
 * <li>The image's 8-bit planes ({@link org.glowzip.codec.image.SampleFormat}) are coded in
 *     groups of as many planes as the model has channels: a gray model codes every plane alone
 *     (RGB as R, G then B); an RGB model codes R, G and B jointly. A last group with fewer planes
 *     than the model's channels is filled by repeating its last plane: an RGB model codes a gray
 *     image with the gray value in all three channels, and the alpha plane of an RGBA image
 *     likewise.</li>
 * <li>Each group lies on a {@link Canvas} of {@code ceil(height / H) x ceil(width / W)} tiles of
 *     the model's {@code H x W}, coded row by row of tiles; the canvas overhangs the right and
 *     bottom edges by repeating the image's last column and row, and the decoder drops the fill.
 *     The fill is coded like any pixel, so it costs some bits: for a 28 x 28 model, a 30 x 30
 *     image codes 4 tiles.</li>
 * <li>Which lane codes which row of tiles, and in which order, is the {@link LanePlan}'s.</li>
 * </ul>
 */
final class Tiling {
    private final int channels;
    private final int tileHeight;
    private final int tileWidth;

    Tiling(GlowConfig config) {
        this.channels = config.channels();
        this.tileHeight = config.height();
        this.tileWidth = config.width();
    }

    /** Number of groups of planes. */
    int groups(int planes) {
        return ceilDiv(planes, channels);
    }

    /** Rows of tiles of an image of this height. */
    int tileRows(int height) {
        return ceilDiv(height, tileHeight);
    }

    /** Tiles in a row of an image of this width. */
    int tileColumns(int width) {
        return ceilDiv(width, tileWidth);
    }

    /** Number of tiles that code an image of this size and number of planes. */
    int tileCount(int width, int height, int planes) {
        return groups(planes) * tileRows(height) * tileColumns(width);
    }

    /** The canvas of group {@code group} of the image, its fill included. */
    Canvas canvas(Image image, int group) {
        Canvas canvas = blankCanvas(image.width(), image.height());
        for (int c = 0; c < channels; c++) {
            int source = Math.min(group * channels + c, image.planes() - 1);
            for (int y = 0; y < canvas.height(); y++) {
                int yy = Math.min(y, image.height() - 1);
                for (int x = 0; x < canvas.width(); x++) {
                    canvas.set(c, y, x, image.sample(yy, Math.min(x, image.width() - 1), source));
                }
            }
        }
        return canvas;
    }

    /** An empty canvas of a group of an image of this size, to decode into. */
    Canvas blankCanvas(int width, int height) {
        return Canvas.blank(channels, ceilDiv(height, tileHeight) * tileHeight, ceilDiv(width, tileWidth) * tileWidth);
    }

    /** The canvas of a group with the tile in row {@code row} and column {@code column} of tiles current. */
    Canvas onTile(Canvas canvas, int row, int column) {
        return canvas.tile(row * tileHeight, column * tileWidth, tileHeight, tileWidth);
    }

    /** An empty canvas of one tile, to decode a tile that sees no neighbours into. */
    Canvas blankTile() {
        return Canvas.blank(channels, tileHeight, tileWidth);
    }

    /** Writes group {@code group} of {@code canvas}, less its fill, into {@code samples}, the plane-interleaved samples of the image being decoded. */
    void place(Canvas canvas, int group, int width, int height, int planes, byte[] samples) {
        byte[] source = canvas.samples();
        for (int c = 0; c < channels && group * channels + c < planes; c++) {
            int plane = group * channels + c;
            for (int y = 0; y < height; y++) {
                int row = (c * canvas.height() + y) * canvas.width();
                for (int x = 0; x < width; x++) {
                    samples[(y * width + x) * planes + plane] = source[row + x];
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
