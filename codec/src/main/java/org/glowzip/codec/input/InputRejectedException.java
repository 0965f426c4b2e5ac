package org.glowzip.codec.input;

import java.io.IOException;

/**
 * An input refused although its bytes could be read: none of the accepted kinds, an image file
 * that does not decode, no images at all, or more than one of the {@link InputLimits} allows.
 * Damaged container bytes (a truncated gzip, a bad tar header, a short IDX file) raise
 * {@link org.glowzip.codec.MalformedStreamException} instead.
 *
 * <p>The message names the input (a file, or a path into an archive such as
 * {@code photos.tar.gz/a/b.png}) and the problem; {@link #reason()} says which kind of refusal it is.
 */
public final class InputRejectedException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why an input was refused. */
    public enum Reason {
        /** The input is none of the accepted kinds, or nests containers too deep. */
        UNSUPPORTED,
        /** A file of the input, or the input itself, is not a readable image. */
        UNDECODABLE,
        /** The input holds no images: empty, only zero bytes, an empty archive, directory or IDX file. */
        NO_IMAGES,
        /** The decompressors would produce more than {@link InputLimits#maxExpandedBytes()}. */
        EXPANDED_BYTES,
        /** More than {@link InputLimits#maxImages()} images. */
        IMAGES,
        /** More than {@link InputLimits#maxSamples()} samples. */
        SAMPLES,
        /** One image is larger than {@link InputLimits#maxPixelsPerImage()} allows. */
        IMAGE_SIZE;

        /** True for the refusals that a larger {@link InputLimits} would have accepted. */
        public boolean isLimit() {
            return ordinal() >= EXPANDED_BYTES.ordinal();
        }
    }

    private final Reason reason;

    public InputRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InputRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
