package org.glowzip.codec.input;

/**
 * Limits on what the inputs opened through one {@link ImageInputs} may hold together, so that a
 * small hostile file (a gzip of zeros that inflates to gigabytes, an IDX header that promises a
 * billion images, a PNG header of 60000 x 60000) is refused early with an
 * {@link InputRejectedException} instead of exhausting memory or time. Each limit is checked
 * before the memory it guards is allocated: sizes from headers, expansion as the bytes come out.
 *
 * @param maxExpandedBytes  most bytes the decompressors may produce together: gzip streams and
 *                          zip entries, at every level of nesting (tar entries are not
 *                          decompressed and do not count)
 * @param maxImages         most images
 * @param maxSamples        most samples ({@code width x height x channels}) of all images together
 * @param maxPixelsPerImage most pixels ({@code width x height}) of one image, read from its
 *                          header before it is decoded; an image file may take at most
 *                          {@value #BYTES_PER_PIXEL} bytes per pixel plus 1 MiB
 */
public record InputLimits(long maxExpandedBytes, long maxImages, long maxSamples, long maxPixelsPerImage) {
    /**
     * 1 GiB expanded, 2^20 (1,048,576) images, 2^30 samples, 2^26 pixels per image (8192 x 8192):
     * far above the datasets and photographs glowzip is used on, far below what exhausts a default heap.
     */
    public static final InputLimits DEFAULTS = new InputLimits(1L << 30, 1L << 20, 1L << 30, 1L << 26);

    /** The most bytes per pixel of an image file: 16-bit RGBA, stored without compression. */
    static final int BYTES_PER_PIXEL = 8;

    private static final long METADATA_BYTES = 1 << 20;
    private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 16;

    public InputLimits {
        if (maxExpandedBytes < 1 || maxImages < 1 || maxSamples < 1 || maxPixelsPerImage < 1) {
            throw new IllegalArgumentException("every input limit must be positive: " + maxExpandedBytes + ", " + maxImages + ", "
                    + maxSamples + ", " + maxPixelsPerImage);
        }
    }

    /** Most bytes of one image file, derived from {@link #maxPixelsPerImage}. */
    long maxFileBytes() {
        return maxPixelsPerImage >= (MAX_ARRAY_BYTES - METADATA_BYTES) / BYTES_PER_PIXEL ? MAX_ARRAY_BYTES
                : BYTES_PER_PIXEL * maxPixelsPerImage + METADATA_BYTES;
    }
}
