package org.glowzip.codec.image;

/**
 * How a PNG lays out its samples (the IHDR fields that matter): colour type, bit depth and
 * interlacing, with the scanline geometry they imply.
 *
 * <p>Colour types: 0 gray (1, 2, 4, 8, 16 bits), 2 RGB (8, 16), 3 palette indices (1, 2, 4, 8),
 * 4 gray + alpha (8, 16), 6 RGBA (8, 16). Interlaced images are stored as the 7 Adam7 passes,
 * each a small image of its own scanlines; an empty pass has no scanlines at all.
 *
 * @param colourType 0, 2, 3, 4 or 6
 * @param bitDepth bits per sample (per palette index for type 3)
 * @param interlaced true for Adam7
 */
record PngType(int colourType, int bitDepth, boolean interlaced) {
    /** Adam7 passes: first column, first row, column step, row step. */
    private static final int[][] ADAM7 = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
    private static final int[][] PROGRESSIVE = {{0, 0, 1, 1}};

    PngType {
        String problem = problem(colourType, bitDepth, interlaced ? 1 : 0);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why these IHDR fields name no PNG layout, or {@code null}. */
    static String problem(int colourType, int bitDepth, int interlace) {
        boolean depthAllowed = switch (colourType) {
            case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
        if (!depthAllowed) {
            return "colour type " + colourType + " with bit depth " + bitDepth + " is not a PNG layout";
        }
        return interlace == 0 || interlace == 1 ? null : "interlace method " + interlace + " is neither 0 nor 1";
    }

    /** Colour types 0, 4, 2, 6 of the format's depth, not interlaced. */
    static PngType natural(SampleFormat format) {
        int colourType = switch (format.channels()) {
            case 1 -> 0;
            case 2 -> 4;
            case 3 -> 2;
            default -> 6;
        };
        return new PngType(colourType, format.bitDepth(), false);
    }

    /** Samples per pixel in the file: a palette index is one. */
    int channels() {
        return switch (colourType) {
            case 0, 3 -> 1;
            case 4 -> 2;
            case 2 -> 3;
            default -> 4;
        };
    }

    /** The image's sample format: depths below 8 and palette indices are 8-bit gray. */
    SampleFormat sampleFormat() {
        return new SampleFormat(channels(), bitDepth == 16 ? 16 : 8);
    }

    /** The largest sample value the file can hold. */
    int maxValue() {
        return (1 << bitDepth) - 1;
    }

    /** Bytes a filter looks back: one pixel, at least one byte. */
    int filterDistance() {
        return Math.max(1, channels() * bitDepth / 8);
    }

    /** Bytes of one scanline of {@code pixels} pixels, without its filter byte. */
    long rowBytes(long pixels) {
        return (pixels * channels() * bitDepth + 7) / 8;
    }

    /** Passes as {first column, first row, column step, row step}: one, or Adam7's seven. */
    int[][] passes() {
        return interlaced ? ADAM7 : PROGRESSIVE;
    }

    /** Pixels in a row (or rows in a column) of a pass starting at {@code first} with {@code step}. */
    static int passSize(int size, int first, int step) {
        return size > first ? (size - first + step - 1) / step : 0;
    }

    /** Bytes of the filtered scanlines of a {@code width x height} image, filter bytes included. */
    long imageDataBytes(int width, int height) {
        long total = 0;
        for (int[] pass : passes()) {
            int columns = passSize(width, pass[0], pass[2]);
            int rows = passSize(height, pass[1], pass[3]);
            if (columns > 0) {
                total += rows * (1 + rowBytes(columns));
            }
        }
        return total;
    }
}
