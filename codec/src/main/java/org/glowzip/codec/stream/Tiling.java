package org.glowzip.codec.stream;

import org.glowzip.codec.image.Image;
import org.glowzip.codec.model.GlowConfig;

/**
 * How an image of any size maps onto model-shaped tiles.
 *
 * <ul>
 * <li>The image is cut into {@code ceil(height / H) x ceil(width / W)} tiles of the model's
 *     {@code H x W}, row by row. Tiles that overhang the right or bottom edge are filled by
 *     repeating the last column and row; the decoder drops the fill. The fill is coded like any
 *     pixel, so it costs some bits: for a 28 x 28 model, a 30 x 30 image codes 4 tiles.</li>
 * <li>A gray model codes an RGB image as three gray planes, R, G then B, each tiled.</li>
 * <li>An RGB model codes a gray image with the gray value in all three channels.</li>
 * </ul>
 * A tile's samples are planar ({@code C x H x W}), as {@link org.glowzip.codec.flow.IntGlow} takes them.
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

    /** Number of tiles that code an image of this shape. */
    int tileCount(int width, int height, int imageChannels) {
        int planes = channels == 1 ? imageChannels : 1;
        return planes * ceilDiv(height, tileHeight) * ceilDiv(width, tileWidth);
    }

    /** The samples of tile {@code t}. */
    byte[] tile(Image image, int t) {
        Position p = position(image.width(), image.height(), image.channels(), t);
        byte[] tile = new byte[channels * tileHeight * tileWidth];
        int n = 0;
        for (int c = 0; c < channels; c++) {
            int source = channels == 1 ? p.plane : Math.min(c, image.channels() - 1);
            for (int y = 0; y < tileHeight; y++) {
                int yy = Math.min(p.top + y, image.height() - 1);
                for (int x = 0; x < tileWidth; x++) {
                    tile[n++] = (byte) image.sample(yy, Math.min(p.left + x, image.width() - 1), source);
                }
            }
        }
        return tile;
    }

    /** Writes tile {@code t}'s samples into {@code samples}, the interleaved samples of the image being decoded. */
    void place(byte[] tile, int t, int width, int height, int imageChannels, byte[] samples) {
        Position p = position(width, height, imageChannels, t);
        int rows = Math.min(tileHeight, height - p.top);
        int columns = Math.min(tileWidth, width - p.left);
        for (int c = 0; c < imageChannels; c++) {
            if (channels == 1 && c != p.plane) {
                continue;
            }
            int tileChannel = channels == 1 ? 0 : c;
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    samples[((p.top + y) * width + p.left + x) * imageChannels + c] =
                            tile[(tileChannel * tileHeight + y) * tileWidth + x];
                }
            }
        }
    }

    private record Position(int plane, int top, int left) {
    }

    private Position position(int width, int height, int imageChannels, int t) {
        int across = ceilDiv(width, tileWidth);
        int perPlane = across * ceilDiv(height, tileHeight);
        int inPlane = t % perPlane;
        return new Position(t / perPlane, (inPlane / across) * tileHeight, (inPlane % across) * tileWidth);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
