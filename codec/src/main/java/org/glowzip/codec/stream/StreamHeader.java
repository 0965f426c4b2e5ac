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
    /** Bytes of the coding parameters. */
    static final int PARAMETERS_SIZE = 4;

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
        byte[] coding = in.read(PARAMETERS_SIZE, "header");
        in.verifyChecksum("header");
        return new StreamHeader(version, fingerprint, parameters(coding, 0, 41));
    }

    /** The coding parameters as header bytes 41..44 hold them: fractional bits, scale bits, prior precision, pop-free bits. */
    static byte[] parameterBytes(CodingParameters parameters) {
        return new byte[] {(byte) parameters.fractionalBits(), (byte) parameters.scaleBits(), (byte) parameters.priorPrecision(),
                (byte) parameters.popFreeBits()};
    }

    /**
     * Reads the {@link #parameterBytes} at {@code bytes[from]}.
     *
     * @param offset the input offset of {@code bytes[from]}, for errors
     * @throws MalformedStreamException if a value is out of its range
     */
    static CodingParameters parameters(byte[] bytes, int from, long offset) throws MalformedStreamException {
        int fractionalBits = bytes[from] & 0xFF;
        int scaleBits = bytes[from + 1] & 0xFF;
        int priorPrecision = bytes[from + 2] & 0xFF;
        int popFreeBits = bytes[from + 3] & 0xFF;
        String problem = CodingParameters.problem(fractionalBits, scaleBits, priorPrecision, popFreeBits);
        if (problem != null) {
            throw new MalformedStreamException(offset, problem);
        }
        return new CodingParameters(fractionalBits, scaleBits, priorPrecision, popFreeBits);
    }

    /** The model fingerprint in hexadecimal. */
    public String fingerprintHex() {
        return HexFormat.of().formatHex(fingerprint);
    }
}
