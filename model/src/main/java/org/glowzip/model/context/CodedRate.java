package org.glowzip.model.context;

import org.glowzip.codec.ans.Message;
import org.glowzip.codec.context.ContextCoder;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.tile.TileFormat;
import org.glowzip.codec.image.Canvas;
import org.glowzip.model.data.ImageSet;

/**
 * The rate of the codec's deterministic path: the images pushed one after another, each as one
 * tile on a canvas of its own, with a {@link ContextCoder} onto one fresh {@link Message}, the
 * bits it grew by (in whole 32-bit words) over the samples pushed: the sum of
 * {@code -log2(slots / 2^20)} to within a word and rANS's tiny per-push loss. No float model
 * enters.
 */
public final class CodedRate {
    private CodedRate() {
    }

    /** Bits per sample of the first {@code count} images of {@code set} (all if it has fewer), with the model's channels. */
    public static double bitsPerSample(ContextModel model, ImageSet set, int count) {
        if (set.channels() != model.channels()) {
            throw new IllegalArgumentException("images are not of the context model's channels");
        }
        int n = Math.min(count, set.size());
        ContextCoder coder = TileFormat.CURRENT.contextCoder(model);
        Message message = new Message();
        long fresh = message.bitLength();
        for (int i = 0; i < n; i++) {
            coder.push(message, Canvas.of(set.samples(i), set.channels(), set.height(), set.width()));
        }
        return (double) (message.bitLength() - fresh) / ((long) n * set.imageSize());
    }
}
