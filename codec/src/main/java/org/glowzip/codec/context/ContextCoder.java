package org.glowzip.codec.context;

import java.util.Arrays;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.image.Canvas;

/**
 * Codes the current tile of a {@link Canvas} with a {@link ContextModel}, sample by sample in its
 * coding order: pushed last sample first, so popping yields them in order, each under the
 * distribution its already-decoded neighbourhood gives. Only pushes: a tile costs what the model
 * says it is worth, whatever the message holds. Thread-safe.
 */
public final class ContextCoder {
    private final ContextModel model;

    public ContextCoder(ContextModel model) {
        this.model = model;
    }

    public ContextModel model() {
        return model;
    }

    /** Pushes the canvas's current tile, whose samples must have the model's channels. */
    public void push(Message message, Canvas canvas) {
        requireChannels(canvas);
        ContextModel.Scratch scratch = model.scratch();
        int channels = canvas.channels();
        int width = canvas.tileWidth();
        for (int n = channels * canvas.tileHeight() * width - 1; n >= 0; n--) {
            int c = n % channels;
            int pixel = n / channels;
            int y = canvas.top() + pixel / width;
            int x = canvas.left() + pixel % width;
            int[] cumulative = model.slots(canvas, c, y, x, scratch);
            int symbol = (canvas.value(c, y, x) - scratch.offset()) & 0xFF;
            message.push(cumulative[symbol], cumulative[symbol + 1] - cumulative[symbol], ContextModel.PRECISION);
        }
    }

    /** Pops the canvas's current tile, pushed by {@link #push}, into the canvas. */
    public void pop(Message message, Canvas canvas) {
        requireChannels(canvas);
        ContextModel.Scratch scratch = model.scratch();
        for (int y = canvas.top(); y < canvas.top() + canvas.tileHeight(); y++) {
            for (int x = canvas.left(); x < canvas.left() + canvas.tileWidth(); x++) {
                for (int c = 0; c < canvas.channels(); c++) {
                    int[] cumulative = model.slots(canvas, c, y, x, scratch);
                    int slot = message.peek(ContextModel.PRECISION);
                    int symbol = Arrays.binarySearch(cumulative, slot);
                    symbol = symbol < 0 ? -symbol - 2 : symbol; // every symbol holds a slot: boundaries are distinct
                    message.pop(cumulative[symbol], cumulative[symbol + 1] - cumulative[symbol], ContextModel.PRECISION);
                    canvas.set(c, y, x, (symbol + scratch.offset()) & 0xFF);
                }
            }
        }
    }

    private void requireChannels(Canvas canvas) {
        if (canvas.channels() != model.channels()) {
            throw new IllegalArgumentException("a " + canvas.channels() + "-channel canvas for a " + model.channels() + "-channel context model");
        }
    }
}
