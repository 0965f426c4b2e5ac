package org.glowzip.codec.tile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many tiles each {@link TileCoding} coded, counted as a decoder pops them: the share of the
 * work each model carries. Not thread-safe: one per decoder.
 */
public final class TileTally {
    private final long[] counts = new long[TileCoding.values().length];

    /** Counts one tile coded with {@code coding}. */
    public void add(TileCoding coding) {
        counts[coding.ordinal()]++;
    }

    /** Adds every count of {@code other}. */
    public void addAll(TileTally other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /** The tiles coded with {@code coding}. */
    public long count(TileCoding coding) {
        return counts[coding.ordinal()];
    }

    /** Every coding's count, zeros included, in {@link TileCoding} order. */
    public Map<TileCoding, Long> counts() {
        Map<TileCoding, Long> all = new EnumMap<>(TileCoding.class);
        for (TileCoding coding : TileCoding.values()) {
            all.put(coding, counts[coding.ordinal()]);
        }
        return Collections.unmodifiableMap(all);
    }
}
