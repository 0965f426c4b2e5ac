package org.glowzip.codec.stream;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.glowzip.codec.MalformedStreamException;

/**
 * A model block of a stream ({@link StreamFormat}, from version {@value StreamFormat#MODELS_VERSION})
 * after its type byte and before its checksum: its sequence number and the model, fingerprint and
 * coding parameters, of the blocks after it.
 */
final class ModelBlock {
    /** Bytes after the type byte and before the checksum: sequence number, fingerprint, coding parameters. */
    static final int SIZE = 4 + StreamFormat.FINGERPRINT_SIZE + StreamHeader.PARAMETERS_SIZE;
    /** Offset of the fingerprint from the block's type byte. */
    static final int FINGERPRINT_OFFSET = 5;
    private static final int PARAMETERS_OFFSET = FINGERPRINT_OFFSET + StreamFormat.FINGERPRINT_SIZE;

    private ModelBlock() {
    }

    /** The type byte and the fields of block {@code sequence} switching to {@code model}. */
    static byte[] write(long sequence, StreamModel model) {
        return ByteBuffer.allocate(1 + SIZE).put((byte) StreamFormat.MODEL).putInt((int) sequence).put(model.fingerprint())
                .put(StreamHeader.parameterBytes(model.parameters())).array();
    }

    /**
     * The model that {@code unit} (the fields, checksum excluded) names.
     *
     * @param offset the stream offset of the block's type byte, for errors
     * @throws MalformedStreamException if a coding parameter is out of its range
     */
    static StreamModel model(byte[] unit, long offset) throws MalformedStreamException {
        byte[] fingerprint = Arrays.copyOfRange(unit, FINGERPRINT_OFFSET - 1, PARAMETERS_OFFSET - 1);
        return new StreamModel(fingerprint, StreamHeader.parameters(unit, PARAMETERS_OFFSET - 1, offset + PARAMETERS_OFFSET));
    }
}
