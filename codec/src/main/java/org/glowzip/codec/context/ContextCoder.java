package org.glowzip.codec.context;

import org.glowzip.codec.ans.Message;
import org.glowzip.codec.image.Canvas;

/**
 * Codes the current tile of a {@link Canvas} with a {@link ContextModel} under a
 * {@link SlotRule}, sample by sample in its coding order: pushed last sample first, so popping
 * yields them in order, each under the distribution its already-decoded neighbourhood gives.
 * Only pushes: a tile costs what the model says it is worth, whatever the message holds.
 *
 * <p>The encoder knows every sample, so it evaluates the network on up to
 * {@value ContextModel.Batch#ROWS} samples at once (matrix-matrix products); the decoder needs
 * each sample before the next one's features, so it evaluates one at a time. Both give the
 * same bits. Thread-safe.
 */
public final class ContextCoder {
    private final ContextModel model;
    private final SlotRule rule;

    public ContextCoder(ContextModel model, SlotRule rule) {
        this.model = model;
        this.rule = rule;
    }

    public ContextModel model() {
        return model;
    }

    /** Pushes the canvas's current tile, whose samples must have the model's channels. */
    public void push(Message message, Canvas canvas) {
        requireChannels(canvas);
        ContextModel.Batch batch = model.batch();
        ContextFeatures features = model.features();
        int featureCount = features.count();
        int channels = canvas.channels();
        int width = canvas.tileWidth();
        for (int end = channels * canvas.tileHeight() * width; end > 0; end -= ContextModel.Batch.ROWS) {
            int start = Math.max(0, end - ContextModel.Batch.ROWS);
            for (int n = start; n < end; n++) {
                int pixel = n / channels;
                batch.offsets[n - start] = features.features(canvas, n % channels, canvas.top() + pixel / width,
                        canvas.left() + pixel % width, batch.row);
                System.arraycopy(batch.row, 0, batch.features, (n - start) * featureCount, featureCount);
            }
            model.logits(batch.features, end - start, batch.logits, batch);
            for (int n = end - 1; n >= start; n--) {
                int pixel = n / channels;
                int value = canvas.value(n % channels, canvas.top() + pixel / width, canvas.left() + pixel % width);
                int symbol = (value - batch.offsets[n - start]) & 0xFF;
                int[] cumulative = batch.cumulative;
                rule.slots(batch.logits, (n - start) * ContextModel.SYMBOLS, cumulative, batch.weights);
                message.push(cumulative[symbol], cumulative[symbol + 1] - cumulative[symbol], ContextModel.PRECISION);
            }
        }
    }

    /** Pops the canvas's current tile, pushed by {@link #push}, into the canvas. */
    public void pop(Message message, Canvas canvas) {
        requireChannels(canvas);
        ContextModel.Scratch scratch = model.scratch();
        for (int y = canvas.top(); y < canvas.top() + canvas.tileHeight(); y++) {
            for (int x = canvas.left(); x < canvas.left() + canvas.tileWidth(); x++) {
                for (int c = 0; c < canvas.channels(); c++) {
                    int[] cumulative = model.slots(canvas, c, y, x, rule, scratch);
                    int symbol = SlotRule.symbol(cumulative, message.peek(ContextModel.PRECISION));
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
