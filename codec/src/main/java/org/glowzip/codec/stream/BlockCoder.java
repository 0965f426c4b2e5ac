package org.glowzip.codec.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.ToLongFunction;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.image.Canvas;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.tile.TileCoder;
import org.glowzip.codec.tile.TileFormat;
import org.glowzip.codec.tile.TileTally;

/**
 * Codes images onto one rANS message, tile by tile through the {@link TileCoder}: the images of a stream block
 * ({@link StreamFormat}), or the one image of the single-image form ({@link SingleImageFormat}).
 *
 * <p>Cancellation: coding checks its thread's interrupt status before each tile and stops with a
 * {@link CancellationException} (the status kept set) once it is interrupted, so an abandoned
 * block costs at most one more tile, however large its images.
 */
final class BlockCoder {
    private final TileCoder tiles;
    private final Tiling tiling;

    BlockCoder(TileCoder tiles) {
        this.tiles = tiles;
        this.tiling = new Tiling(tiles.config());
    }

    /**
     * Pushes the images, last one first, onto a fresh message, each tile on the canvas of its
     * group of planes ({@link TileFormat#CURRENT}).
     *
     * @throws ArithmeticException if a latent leaves the coder's range (the block is then stored raw)
     * @throws CancellationException if the thread is interrupted
     */
    Message encode(List<Image> images) {
        Message message = new Message();
        for (int i = images.size() - 1; i >= 0; i--) {
            Image image = images.get(i);
            for (int group = tiling.groups(image.planes()) - 1; group >= 0; group--) {
                Canvas canvas = tiling.canvas(image, group);
                for (int t = tiling.tilesPerGroup(image.width(), image.height()) - 1; t >= 0; t--) {
                    stopIfInterrupted();
                    tiles.push(message, tiling.onTile(canvas, t));
                }
            }
        }
        return message;
    }

    /**
     * The message of {@link #encode}, or {@code null} when its payload would take at least
     * {@code rawBytes} bytes or a latent leaves the coder's range: the images are then stored raw.
     *
     * @param payloadBytes the size of a message in the container's byte form
     */
    Message encodeIfSmaller(List<Image> images, long rawBytes, ToLongFunction<Message> payloadBytes) {
        try {
            Message message = encode(images);
            return payloadBytes.applyAsLong(message) < rawBytes ? message : null;
        } catch (ArithmeticException outOfRange) {
            return null;
        }
    }

    /**
     * Pops images of the given shapes in order and checks the message is consumed.
     *
     * @param format how the format that holds the message coded the tiles
     * @param tally counts the coding of every tile popped
     */
    List<Image> decode(Message message, List<ImageShape> shapes, TileFormat format, long offset, TileTally tally)
            throws MalformedStreamException {
        try {
            return decodeImages(message, shapes, format, offset, tally);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new MalformedStreamException(offset, "undecodable payload: " + e.getMessage());
        }
    }

    private List<Image> decodeImages(Message message, List<ImageShape> shapes, TileFormat format, long offset, TileTally tally)
            throws MalformedStreamException {
        List<Image> images = new ArrayList<>(shapes.size());
        for (ImageShape shape : shapes) {
            int width = shape.width();
            int height = shape.height();
            int planes = shape.format().planes();
            byte[] samples = new byte[width * height * planes];
            for (int group = 0; group < tiling.groups(planes); group++) {
                Canvas canvas = tiling.blankCanvas(width, height);
                for (int t = 0; t < tiling.tilesPerGroup(width, height); t++) {
                    stopIfInterrupted();
                    tiling.onTile(canvas, t);
                    if (format.neighbours()) {
                        tally.add(tiles.pop(message, format, canvas));
                    } else {
                        Canvas alone = tiling.blankTile();
                        tally.add(tiles.pop(message, format, alone));
                        canvas.placeTile(alone.samples());
                    }
                }
                tiling.place(canvas, group, width, height, planes, samples);
            }
            images.add(Image.of(width, height, shape.format(), samples));
        }
        message.requireFresh(offset);
        return images;
    }

    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("coding interrupted");
        }
    }
}
