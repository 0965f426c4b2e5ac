package org.glowzip.codec.context;

import java.util.List;
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
 * each sample before the next one's features, so it evaluates many tiles (lanes) in lockstep,
 * one sample of each at once. Both give the same bits. Thread-safe.
 */
public final class ContextCoder {
    /** The most lanes {@link #pop(List, List)} steps at once. */
    public static final int MAX_LANES = ContextModel.Batch.ROWS;

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
        pop(List.of(message), List.of(canvas));
    }

    /**
     * Pops the current tile of each canvas from its message (lanes), all in lockstep: sample n of
     * every tile, then sample n + 1, so that each step evaluates the network once for all lanes.
     * The tiles must have one shape, and no canvas may read a sample another lane's tile writes.
     *
     * @param messages at most {@value #MAX_LANES} lanes
     * @param canvases the canvas of each lane, in the same order
     */
    public void pop(List<Message> messages, List<Canvas> canvases) {
        int lanes = messages.size();
        if (lanes != canvases.size() || lanes > MAX_LANES) {
            throw new IllegalArgumentException(lanes + " lanes and " + canvases.size() + " canvases");
        }
        if (lanes == 0) {
            return;
        }
        Canvas first = canvases.get(0);
        for (Canvas canvas : canvases) {
            requireChannels(canvas);
            if (canvas.tileHeight() != first.tileHeight() || canvas.tileWidth() != first.tileWidth()) {
                throw new IllegalArgumentException("tiles of different shapes in one lockstep");
            }
        }
        ContextModel.Batch batch = model.batch();
        ContextFeatures features = model.features();
        int featureCount = features.count();
        int channels = first.channels();
        int width = first.tileWidth();
        int[] cumulative = batch.cumulative;
        for (int n = 0; n < channels * first.tileHeight() * width; n++) {
            int c = n % channels;
            int dy = n / channels / width;
            int dx = n / channels % width;
            for (int k = 0; k < lanes; k++) {
                Canvas canvas = canvases.get(k);
                batch.offsets[k] = features.features(canvas, c, canvas.top() + dy, canvas.left() + dx, batch.row);
                System.arraycopy(batch.row, 0, batch.features, k * featureCount, featureCount);
            }
            model.logits(batch.features, lanes, batch.logits, batch);
            for (int k = 0; k < lanes; k++) {
                Message message = messages.get(k);
                Canvas canvas = canvases.get(k);
                rule.slots(batch.logits, k * ContextModel.SYMBOLS, cumulative, batch.weights);
                int symbol = SlotRule.symbol(cumulative, message.peek(ContextModel.PRECISION));
                message.pop(cumulative[symbol], cumulative[symbol + 1] - cumulative[symbol], ContextModel.PRECISION);
                canvas.set(c, canvas.top() + dy, canvas.left() + dx, (symbol + batch.offsets[k]) & 0xFF);
            }
        }
    }

    private void requireChannels(Canvas canvas) {
        if (canvas.channels() != model.channels()) {
            throw new IllegalArgumentException("a " + canvas.channels() + "-channel canvas for a " + model.channels() + "-channel context model");
        }
    }
}
