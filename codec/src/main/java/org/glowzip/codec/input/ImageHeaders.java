package org.glowzip.codec.input;

/**
 * The pixel count of a PNG, PGM or PPM file read from its header alone, so that the per-image
 * limit is checked before any pixel memory is allocated.
 */
final class ImageHeaders {
    private ImageHeaders() {
    }

    /** {@code width x height} of the file, or -1 if its header cannot be read (the decoder then says why). */
    static long pixels(byte[] file) {
        if (file.length >= 24 && (file[0] & 0xFF) == 0x89 && file[1] == 'P' && file[2] == 'N' && file[3] == 'G'
                && file[12] == 'I' && file[13] == 'H' && file[14] == 'D' && file[15] == 'R') {
            return uint(file, 16) * uint(file, 20);
        }
        if (file.length >= 2 && file[0] == 'P' && (file[1] == '5' || file[1] == '6')) {
            int[] position = {2};
            long width = pnmNumber(file, position);
            long height = pnmNumber(file, position);
            return width < 0 || height < 0 ? -1 : width * height;
        }
        return -1;
    }

    private static long uint(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | b[at + 3] & 0xFFL;
    }

    /** The next decimal number of a PNM header (up to 10 digits), skipping whitespace and comments; -1 if there is none. */
    private static long pnmNumber(byte[] file, int[] position) {
        int p = position[0];
        while (p < file.length) {
            if (file[p] == '#') {
                while (p < file.length && file[p] != '\n') {
                    p++;
                }
            } else if (file[p] == ' ' || file[p] == '\t' || file[p] == '\n' || file[p] == '\r' || file[p] == 0x0b || file[p] == 0x0c) {
                p++;
            } else {
                break;
            }
        }
        long value = 0;
        int digits = 0;
        while (p < file.length && file[p] >= '0' && file[p] <= '9' && digits < 10) {
            value = value * 10 + (file[p++] - '0');
            digits++;
        }
        position[0] = p;
        return digits == 0 ? -1 : value;
    }
}
