package org.glowzip.codec.flow;

import org.glowzip.codec.ans.Message;

/**
 * One exactly invertible layer of the integer flow, applied in place. {@code inverse} undoes
 * {@code forward} exactly, values and message alike, so it must run the message operations of
 * {@code forward} in the opposite order.
 */
interface IntStep {
    void forward(Message message, LatentMap x);

    void inverse(Message message, LatentMap y);
}
