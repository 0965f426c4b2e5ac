package org.glowzip.codec.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.ToLongFunction;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.tile.TileCoder;
import org.glowzip.codec.tile.TileModes;

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
     * Pushes the images, last one first, onto a fresh message.
     *
     * @throws ArithmeticException if a latent leaves the coder's range (the block is then stored raw)
     * @throws CancellationException if the thread is interrupted
     */
    Message encode(List<Image> images) {
        Message message = new Message();
        for (int i = images.size() - 1; i >= 0; i--) {
            Image image = images.get(i);
            for (int t = tiling.tileCount(image.width(), image.height(), image.planes()) - 1; t >= 0; t--) {
                stopIfInterrupted();
                tiles.push(message, tiling.tile(image, t));
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
     * @param modes how the format that holds the message records each tile's coding
     */
    List<Image> decode(Message message, List<ImageShape> shapes, TileModes modes, long offset) throws MalformedStreamException {
        try {
            return decodeImages(message, shapes, modes, offset);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new MalformedStreamException(offset, "undecodable payload: " + e.getMessage());
        }
    }

    private List<Image> decodeImages(Message message, List<ImageShape> shapes, TileModes modes, long offset) throws MalformedStreamException {
        List<Image> images = new ArrayList<>(shapes.size());
        for (ImageShape shape : shapes) {
            int width = shape.width();
            int height = shape.height();
            int planes = shape.format().planes();
            byte[] samples = new byte[width * height * planes];
            int count = tiling.tileCount(width, height, planes);
            for (int t = 0; t < count; t++) {
                stopIfInterrupted();
                tiling.place(tiles.pop(message, modes), t, width, height, planes, samples);
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
