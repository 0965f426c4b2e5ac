package org.glowzip.codec.image;

/**
 * The samples a context model reads while it codes one tile: the planar
 * {@code C x H x W} samples of a plane group padded to whole tiles (or of the tile alone), and
 * the tile being coded, which decides what is readable.
 *
 * <h2>Readable samples</h2>
 * Tiles are coded in raster order, each in raster order of its pixels. While the tile with rows
 * {@code [top, top + tileHeight)} and columns {@code [left, left + tileWidth)} is coded, a sample
 * at {@code (y, x)} before the current one in raster order is readable when it lies on the
 * canvas and {@code y < top || x < left + tileWidth}: rows above the tile's row of tiles are
 * decoded, and so is every tile to the left; only the tiles to the right in the same row of
 * tiles are not. A canvas that holds only its tile makes every tile start from nothing. Coders
 * that decode rows of tiles at once (lanes) guarantee what a context model reads, within its
 * radius, no more than one tile to the right in the rows above; a model does not read further.
 */
public final class Canvas {
    /** What {@link #value} returns for a sample that may not be read. */
    public static final int UNREADABLE = -1;

    private final byte[] samples;
    private final int channels;
    private final int height;
    private final int width;
    private int top;
    private int left;
    private int tileHeight;
    private int tileWidth;

    private Canvas(byte[] samples, int channels, int height, int width) {
        if (channels < 1 || height < 1 || width < 1 || (long) channels * height * width != samples.length) {
            throw new IllegalArgumentException(samples.length + " samples are not a " + channels + "x" + height + "x" + width + " canvas");
        }
        this.samples = samples;
        this.channels = channels;
        this.height = height;
        this.width = width;
        tile(0, 0, height, width);
    }

    /** A canvas over {@code samples} (planar {@code C x H x W}, not copied) whose one tile is all of it. */
    public static Canvas of(byte[] samples, int channels, int height, int width) {
        return new Canvas(samples, channels, height, width);
    }

    /** An empty canvas to decode into. */
    public static Canvas blank(int channels, int height, int width) {
        return new Canvas(new byte[Math.multiplyExact(Math.multiplyExact(channels, height), width)], channels, height, width);
    }

    /** Another canvas over the same samples, with its own current tile (this one's at first), so that tiles can be coded at once. */
    public Canvas view() {
        return new Canvas(samples, channels, height, width).tile(top, left, tileHeight, tileWidth);
    }

    /** Makes the tile at {@code (top, left)} of {@code tileHeight x tileWidth} the one being coded; returns this canvas. */
    public Canvas tile(int top, int left, int tileHeight, int tileWidth) {
        if (top < 0 || left < 0 || tileHeight < 1 || tileWidth < 1 || top + tileHeight > height || left + tileWidth > width) {
            throw new IllegalArgumentException("tile " + tileHeight + "x" + tileWidth + " at (" + top + ", " + left
                    + ") is not on the " + height + "x" + width + " canvas");
        }
        this.top = top;
        this.left = left;
        this.tileHeight = tileHeight;
        this.tileWidth = tileWidth;
        return this;
    }

    /**
     * Sample {@code (c, y, x)} as 0..255, or {@link #UNREADABLE} when it lies off the canvas or in
     * a tile to the right of the current one's row of tiles. The caller asks only for samples
     * before the current one in coding order.
     */
    public int value(int c, int y, int x) {
        if (y < 0 || x < 0 || x >= width || (y >= top && x >= left + tileWidth)) {
            return UNREADABLE;
        }
        return samples[(c * height + y) * width + x] & 0xFF;
    }

    /** Sets sample {@code (c, y, x)}. */
    public void set(int c, int y, int x, int value) {
        samples[(c * height + y) * width + x] = (byte) value;
    }

    /** The current tile's samples, planar {@code C x tileHeight x tileWidth}: a copy. */
    public byte[] tileSamples() {
        byte[] tile = new byte[channels * tileHeight * tileWidth];
        int n = 0;
        for (int c = 0; c < channels; c++) {
            for (int y = top; y < top + tileHeight; y++) {
                System.arraycopy(samples, (c * height + y) * width + left, tile, n, tileWidth);
                n += tileWidth;
            }
        }
        return tile;
    }

    /** Writes {@code tile} (planar {@code C x tileHeight x tileWidth}) into the current tile. */
    public void placeTile(byte[] tile) {
        int n = 0;
        for (int c = 0; c < channels; c++) {
            for (int y = top; y < top + tileHeight; y++) {
                System.arraycopy(tile, n, samples, (c * height + y) * width + left, tileWidth);
                n += tileWidth;
            }
        }
    }

    /** The samples of the whole canvas, planar: not a copy. */
    public byte[] samples() {
        return samples;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int top() {
        return top;
    }

    public int left() {
        return left;
    }

    public int tileHeight() {
        return tileHeight;
    }

    public int tileWidth() {
        return tileWidth;
    }
}
