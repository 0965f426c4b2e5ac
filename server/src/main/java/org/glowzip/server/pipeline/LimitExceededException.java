package org.glowzip.server.pipeline;

import java.io.IOException;

/** A stream that asks for more than the decoder's {@link DecodeLimits} allow. */
public final class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Which of the {@link DecodeLimits} was exceeded. */
    public enum Limit { PIXELS_PER_IMAGE, BLOCK_SAMPLES, STREAM_SAMPLES }

    private final long offset;
    private final Limit limit;

    public LimitExceededException(long offset, Limit limit, String reason) {
        super("limit exceeded at byte " + offset + ": " + reason);
        this.offset = offset;
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }

    /** Byte offset of the field that exceeded a limit. */
    public long offset() {
        return offset;
    }
}
