package org.glowzip.codec.flow;

import org.glowzip.codec.ans.Message;

/**
 * How the dequantization noise of one tile is coded: the {@code n} low bits {@code u} of each
 * sample of {@code Y = 2^n x + u}, sample by sample in planar order, given the tile {@code x}.
 * The bits-back posterior pops them forwards and pushes them back in reverse.
 */
interface TileNoise {
    /** Pushes the noise {@code u} of sample {@code index}. */
    void push(Message message, int index, int u);

    /** Pops the noise of sample {@code index}. */
    int pop(Message message, int index);
}
