package org.glowzip.server.pipeline;

import java.io.IOException;

/**
 * A well-formed glowzip stream that this decoder cannot decode: coded with a model it does not
 * have, or in a format version it does not read. Unlike
 * {@link org.glowzip.codec.MalformedStreamException} the bytes are not damaged.
 */
public final class UnsupportedStreamException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public UnsupportedStreamException(long offset, String reason) {
        super("unsupported stream at byte " + offset + ": " + reason);
        this.offset = offset;
    }

    /** Byte offset of the field that could not be accepted. */
    public long offset() {
        return offset;
    }
}
