package org.glowzip.codec.stream;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.flow.CodingParameters;

/**
 * The header of a glowzip stream ({@link StreamFormat}): the version, the model fingerprint and
 * the coding parameters; its checksum is the first link of the stream's checksum chain.
 */
public record StreamHeader(int version, byte[] fingerprint, CodingParameters parameters, int checksum) {
    /** Bytes of the coding parameters. */
    static final int PARAMETERS_SIZE = 4;

    /** The header of a stream of the current version, checksum included. */
    static byte[] write(byte[] fingerprint, CodingParameters parameters) {
        ByteBuffer header = ByteBuffer.allocate(StreamFormat.HEADER_SIZE);
        header.put(StreamFormat.MAGIC).put((byte) StreamFormat.VERSION).put(fingerprint).put(parameterBytes(parameters));
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, header.position());
        return header.putInt((int) crc.getValue()).array();
    }

    /**
     * Reads a header's {@link StreamFormat#HEADER_SIZE} bytes: checks the magic, the checksum and
     * the parameter ranges, in that order. The version is the caller's to accept.
     */
    public static StreamHeader read(byte[] unit) throws MalformedStreamException {
        if (!Arrays.equals(unit, 0, StreamFormat.MAGIC.length, StreamFormat.MAGIC, 0, StreamFormat.MAGIC.length)) {
            throw new MalformedStreamException(0, "not a glowzip stream (bad magic)");
        }
        int checksumOffset = StreamFormat.HEADER_SIZE - StreamFormat.CHECKSUM_SIZE;
        CRC32C crc = new CRC32C();
        crc.update(unit, 0, checksumOffset);
        int checksum = ByteBuffer.wrap(unit).getInt(checksumOffset);
        if (checksum != (int) crc.getValue()) {
            throw new MalformedStreamException(checksumOffset, "header checksum mismatch");
        }
        byte[] fingerprint = Arrays.copyOfRange(unit, StreamFormat.FINGERPRINT_OFFSET, StreamFormat.FINGERPRINT_OFFSET + StreamFormat.FINGERPRINT_SIZE);
        return new StreamHeader(unit[StreamFormat.VERSION_OFFSET] & 0xFF, fingerprint,
                parameters(unit, StreamFormat.PARAMETERS_OFFSET, StreamFormat.PARAMETERS_OFFSET), checksum);
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

    /** The model and coding parameters of the blocks before the first model block. */
    public StreamModel model() {
        return new StreamModel(fingerprint, parameters);
    }

    /** The model fingerprint in hexadecimal. */
    public String fingerprintHex() {
        return HexFormat.of().formatHex(fingerprint);
    }
}
