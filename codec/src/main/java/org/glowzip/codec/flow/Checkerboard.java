package org.glowzip.codec.flow;

/** The checkerboard of a plane: its squares whose row plus column is even, and the others. */
final class Checkerboard {
    private Checkerboard() {
    }

    /** Whether element {@code i} of a row-major plane {@code width} wide has an even row plus column. */
    static boolean even(int i, int width) {
        return (i / width + i % width) % 2 == 0;
    }
}
