package org.glowzip.codec.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.ToLongFunction;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.image.Canvas;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.tile.GlowTrials;
import org.glowzip.codec.tile.TileCoder;
import org.glowzip.codec.tile.TileCoding;
import org.glowzip.codec.tile.TileFormat;
import org.glowzip.codec.tile.TileTally;

/**
 * Codes images onto rANS lanes, tile by tile through the {@link TileCoder}, in the order of a
 * {@link LanePlan}: the images of a stream block ({@link StreamFormat}), or the one image of the
 * single-image form ({@link SingleImageFormat}). Both directions use every core
 * ({@link Workers}); the bits do not depend on how many there are.
 *
 * <ul>
 *   <li>Encoding knows every sample, so lanes are independent: the block's rows are pushed L at
 *       a time, last ones first, one row on each lane, the rows of a step spread over the cores.</li>
 *   <li>Decoding runs the wavefront: each step pops one tile from every lane whose tile has what
 *       it reads decoded, the steps' lanes spread over the cores and the context-coded tiles of
 *       each core's share popped in lockstep.</li>
 * </ul>
 *
 * <p>Cancellation: coding checks its thread's interrupt status between steps and before each
 * tile it pushes, and stops with a {@link CancellationException} (the status kept set) once it
 * is interrupted, so an abandoned block costs at most one more step.
 */
final class BlockCoder {
    private final TileCoder tiles;
    private final Tiling tiling;

    BlockCoder(TileCoder tiles) {
        this.tiles = tiles;
        this.tiling = new Tiling(tiles.config());
    }

    /**
     * Pushes the images onto {@code count} fresh lanes, each tile on the canvas of its group of
     * planes ({@link TileFormat#CURRENT}).
     *
     * @throws ArithmeticException if a latent leaves the coder's range (the block is then stored raw)
     * @throws CancellationException if the thread is interrupted
     */
    Message[] encode(List<Image> images, LanePlan.LaneCount count) {
        LanePlan plan = new LanePlan(images.stream().map(ImageShape::of).toList(), tiling, count, tiles.hasContextModel());
        Message[] lanes = new Message[plan.lanes()];
        GlowTrials[] trials = new GlowTrials[plan.lanes()];
        for (int l = 0; l < lanes.length; l++) {
            lanes[l] = new Message();
            trials[l] = new GlowTrials();
        }
        Canvas[] canvases = new Canvas[plan.canvases()];
        Thread caller = Thread.currentThread();
        for (int end = plan.rows(); end > 0; end -= lanes.length) {
            stopIfInterrupted(caller);
            int start = Math.max(0, end - lanes.length);
            for (int g = start; g < end; g++) {
                int k = plan.canvas(g);
                if (canvases[k] == null) {
                    canvases[k] = tiling.canvas(images.get(plan.image(k)), plan.group(k));
                }
            }
            int rows = end - start;
            int parts = Workers.parts(rows);
            Workers.forEachPart(rows, p -> {
                for (int g = start + Workers.from(p, parts, rows); g < start + Workers.from(p + 1, parts, rows); g++) {
                    Canvas canvas = canvases[plan.canvas(g)].view();
                    int lane = plan.lane(g);
                    for (int j = plan.across(g) - 1; j >= 0; j--) {
                        stopIfInterrupted(caller);
                        tiles.push(lanes[lane], tiling.onTile(canvas, plan.rowInCanvas(g), j), trials[lane]);
                    }
                }
            });
            for (int g = start; g < end; g++) {
                if (plan.rowInCanvas(g) == 0) {
                    canvases[plan.canvas(g)] = null;
                }
            }
        }
        return lanes;
    }

    /**
     * The lanes of {@link #encode}, or {@code null} when their payload would take at least
     * {@code rawBytes} bytes or a latent leaves the coder's range: the images are then stored raw.
     *
     * @param payloadBytes the size of the lanes in the container's byte form
     */
    Message[] encodeIfSmaller(List<Image> images, LanePlan.LaneCount count, long rawBytes, ToLongFunction<Message[]> payloadBytes) {
        try {
            Message[] lanes = encode(images, count);
            return payloadBytes.applyAsLong(lanes) < rawBytes ? lanes : null;
        } catch (ArithmeticException outOfRange) {
            return null;
        }
    }

    /** The number of lanes a block of images of these shapes is coded on by {@code count}. */
    int lanes(List<ImageShape> shapes, LanePlan.LaneCount count) {
        return new LanePlan(shapes, tiling, count, tiles.hasContextModel()).lanes();
    }

    /**
     * Pops images of the given shapes in order and checks every lane is consumed.
     *
     * @param lanes the lanes, as many as the payload states or its format implies
     * @param format how the format that holds the lanes coded the tiles
     * @param tally counts the coding of every tile popped
     */
    List<Image> decode(Message[] lanes, List<ImageShape> shapes, TileFormat format, long offset, TileTally tally)
            throws MalformedStreamException {
        try {
            LanePlan plan = new LanePlan(shapes, tiling, LanePlan.LaneCount.stated(lanes.length), tiles.hasContextModel());
            List<Image> images = new Wavefront(plan, shapes, format, lanes, tally).run();
            LanePayload.requireFresh(lanes, offset);
            return images;
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new MalformedStreamException(offset, "undecodable payload: " + e.getMessage());
        }
    }

    /** One decoding: where each lane is, what is decoded, and the canvases and images in the making. */
    private final class Wavefront {
        private final LanePlan plan;
        private final List<ImageShape> shapes;
        private final TileFormat format;
        private final Message[] lanes;
        private final TileTally tally;
        /** The row each lane decodes now, or -1 once it has decoded all of its rows. */
        private final int[] laneRow;
        /** Tiles decoded of each row. */
        private final int[] decoded;
        private final Canvas[] laneCanvas;
        private final Canvas[] canvases;
        private final int[] canvasRowsDone;
        private final byte[][] samples;
        private final int[] imageCanvasesLeft;
        private final Image[] images;

        Wavefront(LanePlan plan, List<ImageShape> shapes, TileFormat format, Message[] lanes, TileTally tally) {
            this.plan = plan;
            this.shapes = shapes;
            this.format = format;
            this.lanes = lanes;
            this.tally = tally;
            laneRow = new int[lanes.length];
            for (int l = 0; l < lanes.length; l++) {
                laneRow[l] = l < plan.rows() ? l : -1;
            }
            decoded = new int[plan.rows()];
            laneCanvas = new Canvas[lanes.length];
            canvases = new Canvas[plan.canvases()];
            canvasRowsDone = new int[plan.canvases()];
            samples = new byte[shapes.size()][];
            imageCanvasesLeft = new int[shapes.size()];
            for (int i = 0; i < shapes.size(); i++) {
                imageCanvasesLeft[i] = tiling.groups(shapes.get(i).format().planes());
            }
            images = new Image[shapes.size()];
        }

        List<Image> run() {
            Thread caller = Thread.currentThread();
            int[] ready = new int[lanes.length];
            while (true) {
                stopIfInterrupted(caller);
                int count = 0;
                boolean left = false;
                for (int l = 0; l < lanes.length; l++) {
                    int g = laneRow[l];
                    if (g >= 0) {
                        left = true;
                        if (g == 0 || decoded[g - 1] >= plan.tilesAboveNeeded(g, decoded[g])) {
                            ready[count++] = l;
                        }
                    }
                }
                if (!left) {
                    return Arrays.asList(images);
                }
                step(ready, count);
            }
        }

        /** Pops the next tile of each of the {@code count} lanes in {@code ready}. */
        private void step(int[] ready, int count) {
            for (int i = 0; i < count; i++) {
                int l = ready[i];
                int g = laneRow[l];
                if (decoded[g] == 0) {
                    laneCanvas[l] = canvasOf(plan.canvas(g)).view();
                }
                tiling.onTile(laneCanvas[l], plan.rowInCanvas(g), decoded[g]);
            }
            int parts = Workers.parts(count);
            List<List<TileCoding>> codings = new ArrayList<>(parts);
            for (int p = 0; p < parts; p++) {
                codings.add(null);
            }
            Workers.forEachPart(count, p -> {
                List<Message> messages = new ArrayList<>();
                List<Canvas> targets = new ArrayList<>();
                for (int i = Workers.from(p, parts, count); i < Workers.from(p + 1, parts, count); i++) {
                    messages.add(lanes[ready[i]]);
                    targets.add(format.neighbours() ? laneCanvas[ready[i]] : tiling.blankTile());
                }
                codings.set(p, tiles.pop(messages, targets, format));
                if (!format.neighbours()) {
                    for (int i = 0; i < targets.size(); i++) {
                        laneCanvas[ready[Workers.from(p, parts, count) + i]].placeTile(targets.get(i).samples());
                    }
                }
            });
            codings.forEach(part -> part.forEach(tally::add));
            for (int i = 0; i < count; i++) {
                advance(ready[i]);
            }
        }

        /** Counts lane {@code l}'s tile as decoded, and moves the lane on to its next row when its row is done. */
        private void advance(int l) {
            int g = laneRow[l];
            if (++decoded[g] < plan.across(g)) {
                return;
            }
            int k = plan.canvas(g);
            if (++canvasRowsDone[k] == plan.rowsOf(k)) {
                finish(k);
            }
            laneRow[l] = g + lanes.length < plan.rows() ? g + lanes.length : -1;
            laneCanvas[l] = null;
        }

        private Canvas canvasOf(int k) {
            if (canvases[k] == null) {
                ImageShape shape = shapes.get(plan.image(k));
                canvases[k] = tiling.blankCanvas(shape.width(), shape.height());
            }
            return canvases[k];
        }

        /** Writes the decoded canvas {@code k} into its image, and completes the image after its last canvas. */
        private void finish(int k) {
            int i = plan.image(k);
            ImageShape shape = shapes.get(i);
            if (samples[i] == null) {
                samples[i] = new byte[(int) shape.samples()];
            }
            tiling.place(canvases[k], plan.group(k), shape.width(), shape.height(), shape.format().planes(), samples[i]);
            canvases[k] = null;
            if (--imageCanvasesLeft[i] == 0) {
                images[i] = Image.of(shape.width(), shape.height(), shape.format(), samples[i]);
                samples[i] = null;
            }
        }
    }

    private static void stopIfInterrupted(Thread caller) {
        if (caller.isInterrupted()) {
            throw new CancellationException("coding interrupted");
        }
    }
}
