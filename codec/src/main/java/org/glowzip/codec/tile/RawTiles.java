package org.glowzip.codec.tile;

import org.glowzip.codec.ans.Codec;
import org.glowzip.codec.ans.Message;

/** Tiles of 8-bit samples coded as 8 uniform bits each: pushed last sample first, so they pop in order. */
final class RawTiles implements Codec<byte[]> {
    private static final int BITS = 8;
    private final int samples;

    RawTiles(int samples) {
        this.samples = samples;
    }

    @Override
    public void push(Message message, byte[] tile) {
        for (int i = tile.length - 1; i >= 0; i--) {
            message.push(tile[i] & 0xFF, 1, BITS);
        }
    }

    @Override
    public byte[] pop(Message message) {
        byte[] tile = new byte[samples];
        for (int i = 0; i < samples; i++) {
            int sample = message.peek(BITS);
            message.pop(sample, 1, BITS);
            tile[i] = (byte) sample;
        }
        return tile;
    }
}
