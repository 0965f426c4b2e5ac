package org.glowzip.codec.tile;

/**
 * The ways a tile can be coded; {@link TileCoder} chooses one per tile and records it in the
 * message as a {@link TileFormat mode symbol}.
 */
public enum TileCoding {
    /** Each sample as 8 uniform bits: the bound no tile exceeds. */
    RAW("raw"),
    /** The model file's context model, sample by sample: pushes only. */
    CONTEXT("context"),
    /** The integer Glow without noise, at coarse units: pushes before it pops. */
    GLOW_POP_FREE("glow-pop-free"),
    /** The integer Glow with bits-back dequantization: the Glow's likelihood, on a message that can lend. */
    GLOW_BITS_BACK("glow-bits-back");

    private final String key;

    TileCoding(String key) {
        this.key = key;
    }

    /** The coding's name in reports ({@code glowzip info}): lower case, words joined by hyphens. */
    public String key() {
        return key;
    }
}
