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
 * <p>The lane count {@code L}, at least 1 and at most {@code min(rows, }{@value #MAX_LANES}{@code )},
 * is a {@link LaneCount}: implied by the format and the model file where the container does not
 * state it ({@link LaneCount#implied}), and stated in the payload from stream format 7 on, where
 * encoders write their {@link LaneCount#CHOSEN choice}.
 */
final class LanePlan {
    /** The most lanes a block codes on. */
    static final int MAX_LANES = 64;
    /** The fewest tiles a lane of a model without a context model holds where {@link TileFormat#fundsGlowLanes} implies the count and there are enough. */
    static final int FUNDED_GLOW_LANE_TILES = 256;
    /** The fewest tiles a lane of a model without a context model holds where an encoder chooses the count and there are enough. */
    static final int CHOSEN_GLOW_LANE_TILES = 1024;

    /**
     * How many lanes a block is coded on, given its rows of tiles, its tiles and whether the model
     * file has a context model.
     */
    @FunctionalInterface
    interface LaneCount {
        /**
         * What encoders of stream format 7 and later choose: a lane per row, 64 at most, and for
         * a model without a context model at most {@code max(1, tiles / }{@value #CHOSEN_GLOW_LANE_TILES}{@code )}.
         * A lane's first tiles have no bits to lend to the Glow's bits-back coding and are coded
         * its coarse pop-free way: about 7,000 bits more a lane on Fashion-MNIST (all 10,000 test
         * images cost 3.1364 bpd on 38 lanes, 3.1100 on 9, against a float bound of 3.0983).
         */
        LaneCount CHOSEN = (rows, tiles, hasContextModel) -> hasContextModel ? rows : tiles / CHOSEN_GLOW_LANE_TILES;

        /** The lanes of such a block, before it is bounded to 1..min(rows, 64). */
        long lanes(int rows, long tiles, boolean hasContextModel);

        /**
         * The count of a format that does not state it: a lane per row from {@link TileFormat#LANES}
         * on, 64 at most; from {@link TileFormat#FUNDED_LANES} on, for a model without a context
         * model, at most {@code max(1, tiles / }{@value #FUNDED_GLOW_LANE_TILES}{@code )}; one before lanes.
         */
        static LaneCount implied(TileFormat format) {
            return (rows, tiles, hasContextModel) -> !format.laned() ? 1
                    : format.fundsGlowLanes() && !hasContextModel ? tiles / FUNDED_GLOW_LANE_TILES : rows;
        }

        /**
         * Exactly {@code lanes}, as a payload states it.
         *
         * @throws IllegalArgumentException from the plan, if that is not within 1..min(rows, 64)
         */
        static LaneCount stated(int lanes) {
            return (rows, tiles, hasContextModel) -> {
                if (lanes < 1 || lanes > Math.min(rows, MAX_LANES)) {
                    throw new IllegalArgumentException(lanes + " lanes for " + rows + " rows of tiles (1 to " + Math.min(rows, MAX_LANES) + ")");
                }
                return lanes;
            };
        }
    }

    private final int lanes;
    private final int[] rowCanvas;
    private final int[] rowInCanvas;
    private final int[] canvasImage;
    private final int[] canvasGroup;
    private final int[] canvasFirstRow;
    private final int[] canvasRows;
    private final int[] canvasAcross;

    /**
     * The plan of images of these shapes on {@code count} lanes, for a model file with or without
     * a context model.
     *
     * @throws IllegalArgumentException if the count is {@link LaneCount#stated stated} and out of bounds
     */
    LanePlan(List<ImageShape> shapes, Tiling tiling, LaneCount count, boolean hasContextModel) {
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
        this.lanes = (int) Math.max(1, Math.min(Math.min(rows, MAX_LANES), count.lanes(rows, tiles, hasContextModel)));
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
