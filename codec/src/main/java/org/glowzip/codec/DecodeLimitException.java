package org.glowzip.codec;

/**
 * Bytes that ask a decoder for more samples than it is configured to produce in one go (one
 * single image, or one block of a stream): refused before anything is allocated for them. The
 * bytes may well be intact; a decoder with a larger limit ({@link ImageCodec#withMaxDecodeSamples})
 * decodes them. A {@link MalformedStreamException}, so that every caller that handles bad input
 * handles this too.
 */
public final class DecodeLimitException extends MalformedStreamException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    public DecodeLimitException(long offset, long samples, long limit) {
        super("decode limit exceeded", offset, samples + " samples asked for, this decoder produces at most " + limit + " at once");
        this.limit = limit;
    }

    /** The limit that was exceeded, in samples. */
    public long limit() {
        return limit;
    }
}
