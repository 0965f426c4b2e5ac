package org.glowzip.codec.context;

/**
 * How a context model's logits become rANS slots, by format generation: the same logits give
 * slightly different slots under each rule, so a coded tile is decoded under the rule it was
 * coded with.
 */
public enum SlotRule {
    /** {@link StrictMath#exp} per symbol ({@link ContextModel#cumulative}): stream formats 2-3, single-image forms 1-2. */
    EXP,
    /** {@link TableSoftmax}, an exp table in integer arithmetic: stream format 4 and single-image form 3 on. */
    TABLE;

    /**
     * Writes the slot boundaries of the logits {@code logits[offset .. offset + 255]} into
     * {@code cumulative[0 .. 256]}.
     *
     * @param weights working memory of {@value ContextModel#SYMBOLS} doubles
     */
    void slots(float[] logits, int offset, int[] cumulative, double[] weights) {
        if (this == TABLE) {
            TableSoftmax.slots(logits, offset, cumulative);
        } else {
            ContextModel.cumulative(logits, offset, weights, cumulative);
        }
    }

    /** The symbol whose slots hold {@code slot}. */
    static int symbol(int[] cumulative, int slot) {
        return TableSoftmax.symbol(cumulative, slot);
    }
}
