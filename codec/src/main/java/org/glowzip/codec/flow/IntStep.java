package org.glowzip.codec.flow;

import org.glowzip.codec.ans.Message;
import org.glowzip.codec.nn.FeatureMap;

/**
 * One exactly invertible layer of the integer flow, applied in place. {@code inverse} undoes
 * {@code forward} exactly, values and message alike, so it must run the message operations of
 * {@code forward} in the opposite order. {@code border} is the tile's {@link TileBorder} as
 * condition planes at the step's level, which the couplings of a conditioned Glow read.
 */
interface IntStep {
    void forward(Message message, LatentMap x, FeatureMap border);

    void inverse(Message message, LatentMap y, FeatureMap border);
}
