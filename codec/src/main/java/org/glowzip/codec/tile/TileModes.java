package org.glowzip.codec.tile;

import org.glowzip.codec.ans.Codec;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.ans.Uniform;

/**
 * How a tile's {@link TileCoding} is recorded: one symbol pushed after the tile, so that it pops
 * first. Two generations:
 * <ul>
 *   <li>{@link #CURRENT} (stream format 3, single-image form 2): 2 uniform bits, the ordinal of the
 *       {@link TileCoding}.</li>
 *   <li>{@link #MODE_BIT} (stream format 2, single-image form 1): 1 uniform bit, 1 for Glow
 *       bits-back and 0 for pop-free, which was the context model where the model file has one
 *       and the Glow pop-free otherwise. Read only.</li>
 * </ul>
 */
public enum TileModes {
    CURRENT,
    MODE_BIT;

    private static final Uniform TWO_BITS = Uniform.ofBits(2);
    private static final Uniform ONE_BIT = Uniform.ofBits(1);

    /** The codec of mode symbols, for a model file with or without a context model. */
    Codec<TileCoding> codec(boolean hasContextModel) {
        TileCoding popFree = hasContextModel ? TileCoding.CONTEXT : TileCoding.GLOW_POP_FREE;
        return new Codec<>() {
            @Override
            public void push(Message message, TileCoding coding) {
                if (TileModes.this == CURRENT) {
                    TWO_BITS.pushInt(message, coding.ordinal());
                } else if (coding == TileCoding.GLOW_BITS_BACK || coding == popFree) {
                    ONE_BIT.pushInt(message, coding == TileCoding.GLOW_BITS_BACK ? 1 : 0);
                } else {
                    throw new IllegalArgumentException(coding + " has no mode bit");
                }
            }

            @Override
            public TileCoding pop(Message message) {
                return TileModes.this == CURRENT ? TileCoding.values()[TWO_BITS.popInt(message)]
                        : ONE_BIT.popInt(message) == 1 ? TileCoding.GLOW_BITS_BACK : popFree;
            }
        };
    }
}
