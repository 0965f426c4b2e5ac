package org.glowzip.codec.context;

import java.util.List;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.image.Canvas;

/**
 * Codes the current tile of a {@link Canvas} with a {@link ContextModel} under a
 * {@link SlotRule}, sample by sample in a {@link SampleOrder}: pushed last sample first, so
 * popping yields them in order, each under the distribution its already-decoded neighbourhood
 * gives. Only pushes: a tile costs what the model says it is worth, whatever the message holds.
 *
 * <p>The encoder knows every sample, so it evaluates the network on up to
 * {@value ContextModel.Batch#ROWS} samples at once (matrix-matrix products); the decoder
 * evaluates it for every sample of a step of the order at once, for many tiles (lanes) in
 * lockstep. Both give the same bits. Thread-safe.
 */
public final class ContextCoder {
    private final ContextModel model;
    private final SlotRule rule;
    private final SampleOrder order;

    /** @param order the order of the samples of the model's tile shape */
    public ContextCoder(ContextModel model, SlotRule rule, SampleOrder order) {
        if (order.samples() != model.channels() * model.height() * model.width()) {
            throw new IllegalArgumentException(order.samples() + " samples in the order of a tile of " + model.channels() + "x"
                    + model.height() + "x" + model.width());
        }
        this.model = model;
        this.rule = rule;
        this.order = order;
    }

    public ContextModel model() {
        return model;
    }

    /** Pushes the canvas's current tile, whose samples must have the model's channels and tile shape. */
    public void push(Message message, Canvas canvas) {
        requireTile(canvas);
        ContextModel.Batch batch = model.batch();
        ContextFeatures features = model.features();
        int featureCount = features.count();
        int[] cumulative = batch.cumulative;
        for (int end = order.samples(); end > 0; end -= ContextModel.Batch.ROWS) {
            int start = Math.max(0, end - ContextModel.Batch.ROWS);
            for (int n = start; n < end; n++) {
                batch.offsets[n - start] = features.features(canvas, order.channel(n), canvas.top() + order.row(n),
                        canvas.left() + order.column(n), batch.row);
                System.arraycopy(batch.row, 0, batch.features, (n - start) * featureCount, featureCount);
            }
            model.logits(batch.features, end - start, batch.logits, batch);
            for (int n = end - 1; n >= start; n--) {
                int value = canvas.value(order.channel(n), canvas.top() + order.row(n), canvas.left() + order.column(n));
                int symbol = (value - batch.offsets[n - start]) & 0xFF;
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
     * Pops the current tile of each canvas from its message (lanes), all in lockstep: step s of
     * the order in every tile, then step s + 1, each step's network evaluated once for all its
     * samples of all lanes. No canvas may read a sample another lane's tile writes.
     *
     * @param canvases the canvas of each message, in the same order
     */
    public void pop(List<Message> messages, List<Canvas> canvases) {
        int lanes = messages.size();
        if (lanes != canvases.size()) {
            throw new IllegalArgumentException(lanes + " messages and " + canvases.size() + " canvases");
        }
        canvases.forEach(this::requireTile);
        ContextModel.Batch batch = model.batch();
        ContextFeatures features = model.features();
        int featureCount = features.count();
        int[] cumulative = batch.cumulative;
        for (int s = 0; s < order.steps(); s++) {
            int first = order.start(s);
            int size = order.start(s + 1) - first;
            int rows = lanes * size;
            for (int chunk = 0; chunk < rows; chunk += ContextModel.Batch.ROWS) {
                int end = Math.min(rows, chunk + ContextModel.Batch.ROWS);
                for (int r = chunk; r < end; r++) {
                    Canvas canvas = canvases.get(r / size);
                    int n = first + r % size;
                    batch.offsets[r - chunk] = features.features(canvas, order.channel(n), canvas.top() + order.row(n),
                            canvas.left() + order.column(n), batch.row);
                    System.arraycopy(batch.row, 0, batch.features, (r - chunk) * featureCount, featureCount);
                }
                model.logits(batch.features, end - chunk, batch.logits, batch);
                for (int r = chunk; r < end; r++) {
                    Message message = messages.get(r / size);
                    Canvas canvas = canvases.get(r / size);
                    int n = first + r % size;
                    rule.slots(batch.logits, (r - chunk) * ContextModel.SYMBOLS, cumulative, batch.weights);
                    int symbol = SlotRule.symbol(cumulative, message.peek(ContextModel.PRECISION));
                    message.pop(cumulative[symbol], cumulative[symbol + 1] - cumulative[symbol], ContextModel.PRECISION);
                    canvas.set(order.channel(n), canvas.top() + order.row(n), canvas.left() + order.column(n),
                            (symbol + batch.offsets[r - chunk]) & 0xFF);
                }
            }
        }
    }

    private void requireTile(Canvas canvas) {
        if (canvas.channels() != model.channels() || canvas.tileHeight() != model.height() || canvas.tileWidth() != model.width()) {
            throw new IllegalArgumentException("a " + canvas.channels() + "x" + canvas.tileHeight() + "x" + canvas.tileWidth()
                    + " tile for a " + model.channels() + "x" + model.height() + "x" + model.width() + " context model");
        }
    }
}
