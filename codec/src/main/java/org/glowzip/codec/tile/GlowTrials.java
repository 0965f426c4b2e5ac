package org.glowzip.codec.tile;

/**
 * When an encoder tries Glow bits-back on a tile beside the pop-free coding: trying costs a
 * forward pass of the flow, many times the context model's cost, and is wasted wherever the Glow
 * loses. So the trials back off: Glow bits-back is tried on every tile while it wins; after a
 * loss the next {@value #FEWEST_SKIPPED} tiles skip it, after successive losses twice as many
 * each time, up to {@value #MOST_SKIPPED}, and a win starts over. A lane of tiles keeps one of these, so its tiles'
 * codings follow from the tiles alone, whatever thread codes them.
 */
public final class GlowTrials {
    /** The tiles skipped after a first loss. */
    static final int FEWEST_SKIPPED = 16;
    /** The most tiles skipped between two trials. */
    static final int MOST_SKIPPED = 64;

    private int skip;
    private int skipped;

    /** Whether Glow bits-back is to be tried on the next tile. */
    boolean due() {
        return skipped >= skip;
    }

    /** Records the coding of a tile: whether Glow bits-back was tried, and whether it won. */
    void record(boolean tried, boolean won) {
        if (!tried) {
            skipped++;
        } else if (won) {
            skip = 0;
            skipped = 0;
        } else {
            skip = Math.min(MOST_SKIPPED, Math.max(FEWEST_SKIPPED, 2 * skip));
            skipped = 0;
        }
    }
}
