package org.glowzip.codec.stream;

import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.flow.CodingParameters;

/**
 * The header of a glowzip stream ({@link StreamFormat}): the model fingerprint and the coding
 * parameters.
 */
public record StreamHeader(int version, byte[] fingerprint, CodingParameters parameters) {

    /** Reads and checks a header: magic, version, checksum and parameter ranges. */
    static StreamHeader read(CheckedInput in) throws IOException {
        in.resetChecksum();
        byte[] magic = in.read(StreamFormat.MAGIC.length, "header");
        if (!Arrays.equals(magic, StreamFormat.MAGIC)) {
            throw new MalformedStreamException(0, "not a glowzip stream (bad magic)");
        }
        int version = in.readByte("header");
        if (version != StreamFormat.VERSION) {
            throw new MalformedStreamException(8, "unsupported stream version " + version + ", this reader reads " + StreamFormat.VERSION);
        }
        byte[] fingerprint = in.read(StreamFormat.FINGERPRINT_SIZE, "header");
        int fractionalBits = in.readByte("header");
        int scaleBits = in.readByte("header");
        int priorPrecision = in.readByte("header");
        int popFreeBits = in.readByte("header");
        in.verifyChecksum("header");
        String problem = CodingParameters.problem(fractionalBits, scaleBits, priorPrecision, popFreeBits);
        if (problem != null) {
            throw new MalformedStreamException(41, problem);
        }
        return new StreamHeader(version, fingerprint, new CodingParameters(fractionalBits, scaleBits, priorPrecision, popFreeBits));
    }

    /** The model fingerprint in hexadecimal. */
    public String fingerprintHex() {
        return HexFormat.of().formatHex(fingerprint);
    }
}
