package org.glowzip.codec.tile;

import org.glowzip.codec.ans.Codec;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.ans.Uniform;
import org.glowzip.codec.context.ContextCoder;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.context.SampleOrder;
import org.glowzip.codec.context.SlotRule;

/**
 * How the tiles of a coded image are coded, by format generation. A tile's {@link TileCoding}
 * is recorded as one symbol pushed after the tile, so that it pops first.
 * <ul>
 *   <li>{@link #FUNDED_LANES} (stream formats 6 and 7, single-image form 5; {@link #CURRENT}): as
 *       {@link #LANES}, but a model file without a context model codes on fewer lanes, each
 *       long enough that its Glow bits-back tiles borrow their noise from the tiles before
 *       them: a lane's first tiles, which have nothing to borrow from, are the only ones coded
 *       the Glow's coarse pop-free way, so fewer lanes cost less.</li>
 *   <li>{@link #LANES} (stream format 5, single-image form 4): as
 *       {@link #NEIGHBOURS}, the rows of tiles dealt to several messages, lanes, that decode in
 *       lockstep (the stream package's {@code LanePlan}), and the context model's samples of a
 *       tile coded in waves ({@link SampleOrder#waves}) instead of raster order.</li>
 *   <li>{@link #NEIGHBOURS} (stream format 4, single-image form 3): the mode is
 *       2 uniform bits, the ordinal of the {@link TileCoding}; the tiles of a group of planes
 *       are coded on one canvas of the group, so the context model sees each tile's decoded
 *       neighbours ({@link org.glowzip.codec.image.Canvas}).</li>
 *   <li>{@link #ISOLATED} (stream format 3, single-image form 2): the same modes; every tile on
 *       a canvas of its own, starting from nothing; slots by {@link SlotRule#EXP}. Read only.</li>
 *   <li>{@link #MODE_BIT} (stream format 2, single-image form 1): 1 uniform bit, 1 for Glow
 *       bits-back and 0 for pop-free, which was the context model where the model file has one
 *       and the Glow pop-free otherwise; tiles isolated. Read only.</li>
 * </ul>
 */
public enum TileFormat {
    FUNDED_LANES,
    LANES,
    NEIGHBOURS,
    ISOLATED,
    MODE_BIT;

    /** The generation encoders write. */
    public static final TileFormat CURRENT = FUNDED_LANES;

    private static final Uniform TWO_BITS = Uniform.ofBits(2);
    private static final Uniform ONE_BIT = Uniform.ofBits(1);

    /** How the context model's logits become slots in this generation: {@link SlotRule#TABLE} from {@link #NEIGHBOURS} on. */
    public SlotRule slotRule() {
        return neighbours() ? SlotRule.TABLE : SlotRule.EXP;
    }

    /** Whether the tiles of a group of planes share one canvas, so that each sees its decoded neighbours. */
    public boolean neighbours() {
        return this != ISOLATED && this != MODE_BIT;
    }

    /** The context coder of {@code model} in this generation: its slot rule and sample order. */
    public ContextCoder contextCoder(ContextModel model) {
        return new ContextCoder(model, slotRule(), sampleOrder(model));
    }

    /**
     * The order in which the context model codes a tile's samples: in waves from {@link #LANES}
     * on, so that a decoder evaluates many samples of a tile at once; in raster order before.
     */
    public SampleOrder sampleOrder(ContextModel model) {
        return laned() ? SampleOrder.waves(model.channels(), model.height(), model.width(), model.features().radius())
                : SampleOrder.raster(model.channels(), model.height(), model.width());
    }

    /** Whether the tiles are coded on several lanes; one message before {@link #LANES}. */
    public boolean laned() {
        return this == LANES || this == FUNDED_LANES;
    }

    /** Whether a model file without a context model codes on lanes long enough to fund its Glow bits-back: from {@link #FUNDED_LANES} on. */
    public boolean fundsGlowLanes() {
        return this == FUNDED_LANES;
    }

    /** The codec of mode symbols, for a model file with or without a context model. */
    Codec<TileCoding> codec(boolean hasContextModel) {
        TileCoding popFree = hasContextModel ? TileCoding.CONTEXT : TileCoding.GLOW_POP_FREE;
        return new Codec<>() {
            @Override
            public void push(Message message, TileCoding coding) {
                if (TileFormat.this != MODE_BIT) {
                    TWO_BITS.pushInt(message, coding.ordinal());
                } else if (coding == TileCoding.GLOW_BITS_BACK || coding == popFree) {
                    ONE_BIT.pushInt(message, coding == TileCoding.GLOW_BITS_BACK ? 1 : 0);
                } else {
                    throw new IllegalArgumentException(coding + " has no mode bit");
                }
            }

            @Override
            public TileCoding pop(Message message) {
                return TileFormat.this != MODE_BIT ? TileCoding.values()[TWO_BITS.popInt(message)]
                        : ONE_BIT.popInt(message) == 1 ? TileCoding.GLOW_BITS_BACK : popFree;
            }
        };
    }
}
