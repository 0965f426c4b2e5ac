package org.glowzip.codec.tile;

/**
 * The ways a tile can be coded; {@link TileCoder} chooses one per tile and records it in the
 * message as a {@link TileFormat mode symbol}.
 */
public enum TileCoding {
    /** Each sample as 8 uniform bits: the bound no tile exceeds. */
    RAW,
    /** The model file's context model, sample by sample: pushes only. */
    CONTEXT,
    /** The integer Glow without noise, at coarse units: pushes before it pops. */
    GLOW_POP_FREE,
    /** The integer Glow with bits-back dequantization: the Glow's likelihood, on a message that can lend. */
    GLOW_BITS_BACK
}
