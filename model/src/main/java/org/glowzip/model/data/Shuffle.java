package org.glowzip.model.data;

import java.util.Random;

/** Seeded shuffles: the same seed gives the same order on every run. */
public final class Shuffle {
    private Shuffle() {
    }

    /** A permutation of {@code 0..n-1} fixed by {@code seed} (Fisher-Yates over {@link Random}). */
    public static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
