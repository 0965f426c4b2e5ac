package org.glowzip.codec.image;

/**
 * The five PNG scanline filters (0 none, 1 sub, 2 up, 3 average, 4 Paeth). A filter predicts each
 * byte from the byte one pixel to the left ({@code a}), above ({@code b}) and above-left
 * ({@code c}), zero outside the pass, and stores the difference modulo 256.
 */
final class PngFilter {
    static final int TYPES = 5;

    private PngFilter() {
    }

    /**
     * Undoes filter {@code type} on {@code row} in place, given the previous unfiltered row of the
     * pass ({@code null} for the first).
     *
     * @return false if {@code type} is no filter
     */
    static boolean unfilter(int type, byte[] row, byte[] previous, int distance) {
        if (type < 0 || type >= TYPES) {
            return false;
        }
        for (int i = 0; i < row.length; i++) {
            int a = i >= distance ? row[i - distance] & 0xFF : 0;
            int b = previous != null ? previous[i] & 0xFF : 0;
            int c = previous != null && i >= distance ? previous[i - distance] & 0xFF : 0;
            row[i] += (byte) predict(type, a, b, c);
        }
        return true;
    }

    /** Filters {@code row} with {@code type} into {@code out}, given the previous row (null for the first). */
    static void filter(int type, byte[] row, byte[] previous, int distance, byte[] out) {
        for (int i = 0; i < row.length; i++) {
            int a = i >= distance ? row[i - distance] & 0xFF : 0;
            int b = previous != null ? previous[i] & 0xFF : 0;
            int c = previous != null && i >= distance ? previous[i - distance] & 0xFF : 0;
            out[i] = (byte) (row[i] - predict(type, a, b, c));
        }
    }

    private static int predict(int type, int a, int b, int c) {
        return switch (type) {
            case 0 -> 0;
            case 1 -> a;
            case 2 -> b;
            case 3 -> (a + b) >>> 1;
            default -> paeth(a, b, c);
        };
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
