package org.glowzip.codec.stream;

import java.util.List;
import org.glowzip.codec.tile.TileFormat;

/**
 * Which lane codes which tiles of a block, and which tile a tile waits for.
 *
 * <p>The images of a block are cut into canvases, one per group of planes of each image
 * ({@link Tiling}), and each canvas into rows of tiles. The block's rows, numbered in order
 * (images in order, groups, then rows top to bottom), are dealt to the lanes in turn: row
 * {@code g} goes to lane {@code g mod L}, and each lane codes its rows in order, each row left to
 * right. A lane is one rANS {@link org.glowzip.codec.ans.Message}, pushed last tile first.
 *
 * <p>A tile's context model reads the decoded samples above it and to its left, at most
 * {@code radius <= tileWidth} columns to the right in the rows above
 * ({@link org.glowzip.codec.image.Canvas}). So tile {@code j} of a canvas's row {@code r > 0}
 * waits for tile {@code j + 1} of row {@code r - 1} (the last tile of that row, at the right
 * edge): a wavefront in which lanes run two tiles apart. Rows of different canvases never wait
 * for each other, so a block of one-tile images decodes all its lanes at once.
 *
 * <p>The lane count {@code L} is {@code min(rows, }{@value #MAX_LANES}{@code )} for formats with
 * lanes (stream format 5 and later, single-image form 4 and later), and 1 for earlier ones, which
 * coded every tile on one message in this order. From stream format 6 and single-image form 5 on
 * ({@link TileFormat#fundsGlowLanes()}), a model file without a context model codes on at most
 * {@code max(1, tiles / }{@value #GLOW_LANE_TILES}{@code )} lanes: a lane's first tiles have no
 * bits to lend to the Glow's bits-back coding and are coded its coarse pop-free way (about 3
 * tiles' worth of bits more per lane on Fashion-MNIST), which a lane of at least that many tiles
 * repays to within about 1%.
 */
final class LanePlan {
    /** The most lanes a block codes on. */
    static final int MAX_LANES = 64;
    /** The fewest tiles a lane of a model without a context model holds, where the format funds Glow lanes and there are enough. */
    static final int GLOW_LANE_TILES = 256;

    private final int lanes;
    private final int[] rowCanvas;
    private final int[] rowInCanvas;
    private final int[] canvasImage;
    private final int[] canvasGroup;
    private final int[] canvasFirstRow;
    private final int[] canvasRows;
    private final int[] canvasAcross;

    /**
     * The plan of images of these shapes as {@code format} lays them on lanes, for a model file
     * with or without a context model.
     */
    LanePlan(List<ImageShape> shapes, Tiling tiling, TileFormat format, boolean hasContextModel) {
        int canvases = 0;
        int rows = 0;
        long tiles = 0;
        for (ImageShape shape : shapes) {
            int groups = tiling.groups(shape.format().planes());
            canvases += groups;
            rows += groups * tiling.tileRows(shape.height());
            tiles += (long) groups * tiling.tileRows(shape.height()) * tiling.tileColumns(shape.width());
        }
        rowCanvas = new int[rows];
        rowInCanvas = new int[rows];
        canvasImage = new int[canvases];
        canvasGroup = new int[canvases];
        canvasFirstRow = new int[canvases];
        canvasRows = new int[canvases];
        canvasAcross = new int[canvases];
        int k = 0;
        int g = 0;
        for (int i = 0; i < shapes.size(); i++) {
            ImageShape shape = shapes.get(i);
            for (int group = 0; group < tiling.groups(shape.format().planes()); group++, k++) {
                canvasImage[k] = i;
                canvasGroup[k] = group;
                canvasFirstRow[k] = g;
                canvasRows[k] = tiling.tileRows(shape.height());
                canvasAcross[k] = tiling.tileColumns(shape.width());
                for (int r = 0; r < canvasRows[k]; r++, g++) {
                    rowCanvas[g] = k;
                    rowInCanvas[g] = r;
                }
            }
        }
        long most = format.fundsGlowLanes() && !hasContextModel ? Math.max(1, tiles / GLOW_LANE_TILES) : MAX_LANES;
        this.lanes = format.laned() ? (int) Math.max(1, Math.min(Math.min(rows, MAX_LANES), most)) : 1;
    }

    /** L, the number of lanes. */
    int lanes() {
        return lanes;
    }

    /** The number of rows of tiles in the block. */
    int rows() {
        return rowCanvas.length;
    }

    /** The lane that codes row {@code g}. */
    int lane(int g) {
        return g % lanes;
    }

    /** The canvas of row {@code g}. */
    int canvas(int g) {
        return rowCanvas[g];
    }

    /** The row of tiles within its canvas that row {@code g} is. */
    int rowInCanvas(int g) {
        return rowInCanvas[g];
    }

    /** The tiles of row {@code g}. */
    int across(int g) {
        return canvasAcross[rowCanvas[g]];
    }

    int canvases() {
        return canvasImage.length;
    }

    /** The image of canvas {@code k}. */
    int image(int k) {
        return canvasImage[k];
    }

    /** The group of planes of its image that canvas {@code k} holds. */
    int group(int k) {
        return canvasGroup[k];
    }

    /** The first row of canvas {@code k}. */
    int firstRow(int k) {
        return canvasFirstRow[k];
    }

    /** The rows of tiles of canvas {@code k}. */
    int rowsOf(int k) {
        return canvasRows[k];
    }

    /**
     * How many tiles of row {@code g - 1} must be decoded before tile {@code j} of row {@code g}:
     * 0 for the first row of a canvas.
     */
    int tilesAboveNeeded(int g, int j) {
        return rowInCanvas[g] == 0 ? 0 : Math.min(j + 2, across(g));
    }
}
