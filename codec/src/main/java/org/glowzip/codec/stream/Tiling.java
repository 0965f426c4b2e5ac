package org.glowzip.codec.stream;

import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.GlowConfig;

/**
 * How an image of any size maps onto model-shaped tiles.
 *
 * <ul>
 * <li>The image is cut into {@code ceil(height / H) x ceil(width / W)} tiles of the model's
 *     {@code H x W}, row by row. Tiles that overhang the right or bottom edge are filled by
 *     repeating the last column and row; the decoder drops the fill. The fill is coded like any
 *     pixel, so it costs some bits: for a 28 x 28 model, a 30 x 30 image codes 4 tiles.</li>
 * <li>The image's 8-bit planes ({@link org.glowzip.codec.image.SampleFormat}) are coded in
 *     groups of as many planes as the model has channels, each group tiled: a gray model codes
 *     every plane alone (RGB as R, G then B); an RGB model codes R, G and B jointly. A last group
 *     with fewer planes than the model's channels is filled by repeating its last plane: an RGB
 *     model codes a gray image with the gray value in all three channels, and the alpha plane of
 *     an RGBA image likewise.</li>
 * </ul>
 * A tile's samples are planar ({@code C x H x W}), as {@link org.glowzip.codec.tile.TileCoder} takes them.
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

    /** Number of tiles that code an image of this size and number of planes. */
    int tileCount(int width, int height, int planes) {
        return ceilDiv(planes, channels) * ceilDiv(height, tileHeight) * ceilDiv(width, tileWidth);
    }

    /** The samples of tile {@code t}. */
    byte[] tile(Image image, int t) {
        Position p = position(image.width(), image.height(), t);
        byte[] tile = new byte[channels * tileHeight * tileWidth];
        int n = 0;
        for (int c = 0; c < channels; c++) {
            int source = Math.min(p.group * channels + c, image.planes() - 1);
            for (int y = 0; y < tileHeight; y++) {
                int yy = Math.min(p.top + y, image.height() - 1);
                for (int x = 0; x < tileWidth; x++) {
                    tile[n++] = (byte) image.sample(yy, Math.min(p.left + x, image.width() - 1), source);
                }
            }
        }
        return tile;
    }

    /** Writes tile {@code t}'s samples into {@code samples}, the plane-interleaved samples of the image being decoded. */
    void place(byte[] tile, int t, int width, int height, int planes, byte[] samples) {
        Position p = position(width, height, t);
        int rows = Math.min(tileHeight, height - p.top);
        int columns = Math.min(tileWidth, width - p.left);
        for (int c = 0; c < channels && p.group * channels + c < planes; c++) {
            int plane = p.group * channels + c;
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    samples[((p.top + y) * width + p.left + x) * planes + plane] = tile[(c * tileHeight + y) * tileWidth + x];
                }
            }
        }
    }

    /** Where tile {@code t} lies: its group of planes and its top-left pixel. */
    private record Position(int group, int top, int left) {
    }

    private Position position(int width, int height, int t) {
        int across = ceilDiv(width, tileWidth);
        int perPlane = across * ceilDiv(height, tileHeight);
        int inPlane = t % perPlane;
        return new Position(t / perPlane, (inPlane / across) * tileHeight, (inPlane % across) * tileWidth);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
