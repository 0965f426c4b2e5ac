package org.glowzip.codec.flow;

/**
 * An increasing integer curve {@code G} that {@link MonotoneScale} codes, with a guess at where it
 * reaches a value: where the inverse's search starts. The guess costs no exactness, only
 * evaluations: the search widens a bracket that misses and narrows one that is wide, and the
 * encoder runs the decoder's search, so both find the same {@code x} whatever the guess.
 */
@FunctionalInterface
public interface MonotoneCurve {
    /** {@code G(x)}. */
    long at(long x);

    /**
     * Bounds {@code low < high} between which {@code x} with {@code G(x) <= v < G(x + 1)} probably
     * lies, a pure function of {@code v}; by default the whole domain of {@link MonotoneScale}.
     */
    default Bracket guess(long v) {
        return new Bracket(-MonotoneScale.LIMIT, MonotoneScale.LIMIT);
    }

    /** Integer bounds of a search, {@code low < high}. */
    record Bracket(long low, long high) {
    }
}
