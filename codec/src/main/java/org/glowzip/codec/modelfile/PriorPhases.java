package org.glowzip.codec.modelfile;

import java.util.List;

/**
 * The phases in which a Glow's priors code their latents. Each square of a latent plane lies in
 * one quarter of the plane, {@link #quarter}: 0 where row and column are both even, 1 where both
 * are odd, 2 where only the column is odd, 3 where only the row is. A prior's context {@code k}
 * (one of {@link #contexts}) is a network that reads the latent on the quarters before {@code k}
 * and adds to the prior's parameters on quarter {@code k} and every later one; the phases are the
 * runs of quarters between contexts, coded in order, each given the ones before it.
 */
public enum PriorPhases {
    /** One phase: the latent under the prior alone. */
    SINGLE(List.of()),
    /** Two phases: the squares whose row plus column is even (quarters 0 and 1), then the odd ones given them. */
    CHECKERBOARD(List.of(2)),
    /** Four phases, one per quarter, each given the quarters before it. */
    QUARTERS(List.of(1, 2, 3));

    /** Quarters of a plane. */
    public static final int QUARTER_COUNT = 4;

    private final List<Integer> contexts;

    PriorPhases(List<Integer> contexts) {
        this.contexts = contexts;
    }

    /** The quarters that start a context, in order. */
    public List<Integer> contexts() {
        return contexts;
    }

    /** The quarter, 0 to 3, of the square at {@code row}, {@code column}. */
    public static int quarter(int row, int column) {
        return 2 * ((row + column) & 1) + (row & 1);
    }

    /** The quarter of element {@code index} of a row-major plane {@code width} wide. */
    public static int quarterOfIndex(int index, int width) {
        return quarter(index / width, index % width);
    }
}
