package org.glowzip.codec;

import java.io.IOException;

/**
 * The one exception glowzip raises for bytes it cannot accept: a corrupt, truncated or foreign
 * stream, message or model file. It names the byte offset at which the problem was found and the
 * reason, so that a user can tell a damaged file from a wrong one.
 *
 * <p>A decoder's limit on the samples it will produce raises the subclass
 * {@link DecodeLimitException}: intact bytes, refused by configuration.
 *
 * <p>Mistakes of the calling code (a symbol outside a codec's range, a negative size) raise
 * {@link IllegalArgumentException} instead.
 */
public class MalformedStreamException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String reason;

    public MalformedStreamException(long offset, String reason) {
        this("malformed input", offset, reason);
    }

    /** @param kind what the message starts with, before "at byte" */
    protected MalformedStreamException(String kind, long offset, String reason) {
        super(kind + " at byte " + offset + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    /** Byte offset, from the start of the input, at which the problem was detected. */
    public long offset() {
        return offset;
    }

    /** What was wrong, in words. */
    public String reason() {
        return reason;
    }
}
