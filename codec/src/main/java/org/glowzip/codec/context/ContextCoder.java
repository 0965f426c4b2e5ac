package org.glowzip.codec.context;

import java.util.Arrays;
import org.glowzip.codec.ans.Codec;
import org.glowzip.codec.ans.Message;

/**
 * Codes model-shaped images with a {@link ContextModel}, sample by sample in its coding order:
 * pushed last sample first, so popping yields them in order, each under the distribution its
 * already-decoded neighbourhood gives. Only pushes: an image costs what the model says it is
 * worth, whatever the message holds. Thread-safe.
 */
public final class ContextCoder implements Codec<byte[]> {
    private final ContextModel model;
    private final int channels;
    private final int height;
    private final int width;

    public ContextCoder(ContextModel model) {
        this.model = model;
        this.channels = model.channels();
        this.height = model.height();
        this.width = model.width();
    }

    /** Pushes one image of planar {@code C x H x W} samples. */
    @Override
    public void push(Message message, byte[] samples) {
        ContextModel.Scratch scratch = model.scratch();
        for (int n = samples.length - 1; n >= 0; n--) {
            int c = n % channels;
            int pixel = n / channels;
            int y = pixel / width;
            int x = pixel % width;
            int[] cumulative = model.slots(samples, c, y, x, scratch);
            int symbol = samples[index(c, y, x)] & 0xFF;
            message.push(cumulative[symbol], cumulative[symbol + 1] - cumulative[symbol], ContextModel.PRECISION);
        }
    }

    /** Pops one image pushed by {@link #push}, as planar samples. */
    @Override
    public byte[] pop(Message message) {
        byte[] samples = new byte[channels * height * width];
        ContextModel.Scratch scratch = model.scratch();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    int[] cumulative = model.slots(samples, c, y, x, scratch);
                    int slot = message.peek(ContextModel.PRECISION);
                    int symbol = Arrays.binarySearch(cumulative, slot);
                    symbol = symbol < 0 ? -symbol - 2 : symbol; // every symbol holds a slot: boundaries are distinct
                    message.pop(cumulative[symbol], cumulative[symbol + 1] - cumulative[symbol], ContextModel.PRECISION);
                    samples[index(c, y, x)] = (byte) symbol;
                }
            }
        }
        return samples;
    }

    private int index(int c, int y, int x) {
        return (c * height + y) * width + x;
    }
}
