package org.glowzip.server.input;

/**
 * Limits on the images of a request body.
 *
 * @param maxPixelsPerImage most pixels (width x height) of one image, checked from its header
 * @param maxExpandedBytes most bytes a gzip body may inflate to
 */
public record InputLimits(long maxPixelsPerImage, long maxExpandedBytes) {
    /** Most bytes of one image file: a raw RGBA image of the largest size plus 1 MiB of metadata. */
    long maxFileBytes() {
        return Math.min(Integer.MAX_VALUE - 16, 4 * maxPixelsPerImage + (1 << 20));
    }
}
