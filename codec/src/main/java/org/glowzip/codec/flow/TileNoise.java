package org.glowzip.codec.flow;

import org.glowzip.codec.ans.Message;

/**
 * How the dequantization noise of one tile is coded: the {@code n} low bits {@code u} of each
 * sample of {@code Y = 2^n x + u}, in planar order, given the tile {@code x}. The bits-back
 * posterior pops them all and pushes them back, in the reverse order of the pops.
 */
interface TileNoise {
    /** Pushes the noise {@code u} of every sample of the tile. */
    void push(Message message, int[] u);

    /** Pops the noise of every sample of the tile. */
    int[] pop(Message message);
}
