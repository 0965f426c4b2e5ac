package org.glowzip.codec.stream;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.tile.TileCoder;

/**
 * A model and coding parameters as a stream names them ({@link StreamFormat}): in its header for
 * the blocks before the first model block, in a model block for the blocks after it. Two are
 * equal when their fingerprints and parameters are.
 *
 * @param fingerprint the model file's SHA-256, 32 bytes
 */
public record StreamModel(byte[] fingerprint, CodingParameters parameters) {
    public StreamModel {
        if (fingerprint.length != StreamFormat.FINGERPRINT_SIZE) {
            throw new IllegalArgumentException("fingerprint of " + fingerprint.length + " bytes");
        }
        fingerprint = fingerprint.clone();
        Objects.requireNonNull(parameters);
    }

    /** The model and coding parameters {@code tiles} codes with. */
    public static StreamModel of(TileCoder tiles) {
        return new StreamModel(tiles.fingerprint(), tiles.parameters());
    }

    @Override
    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    /** The fingerprint in hexadecimal. */
    public String fingerprintHex() {
        return HexFormat.of().formatHex(fingerprint);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamModel model && Arrays.equals(fingerprint, model.fingerprint) && parameters.equals(model.parameters);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(fingerprint) + parameters.hashCode();
    }

    @Override
    public String toString() {
        return fingerprintHex().substring(0, 16) + "... " + parameters;
    }
}
