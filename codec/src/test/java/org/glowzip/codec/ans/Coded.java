package org.glowzip.codec.ans;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** A codec with a symbol it can code: the unit of the property tests. */
record Coded(IntCodec codec, int symbol) {

    static Arbitrary<Coded> any() {
        return Arbitraries.oneOf(uniform(), categorical(), quantized());
    }

    static Arbitrary<Coded> uniform() {
        Arbitrary<Long> sizes = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 1L << 31),
                Arbitraries.longs().between(1, 300),
                Arbitraries.of(1L, 2L, 3L, (1L << 16) - 1, 1L << 16, (1L << 16) + 1, (1L << 31) - 1, 1L << 31));
        return sizes.flatMap(n -> Arbitraries.longs().between(0, n - 1)
                .map(s -> new Coded(Uniform.of(n), (int) (long) s)));
    }

    static Arbitrary<Coded> categorical() {
        Arbitrary<long[]> counts = Arbitraries.longs().between(0, 1_000_000).array(long[].class).ofMinSize(1).ofMaxSize(60)
                .filter(c -> java.util.Arrays.stream(c).anyMatch(x -> x > 0));
        return Combinators.combine(counts, Arbitraries.integers().between(6, Message.MAX_PRECISION)).flatAs((c, precision) -> {
            Categorical codec = new Categorical(c, precision);
            return Arbitraries.integers().between(0, c.length - 1).filter(s -> c[s] > 0).map(s -> new Coded(codec, s));
        });
    }

    static Arbitrary<Coded> quantized() {
        Arbitrary<Double> means = Arbitraries.oneOf(
                Arbitraries.doubles().between(-100, 100),
                Arbitraries.doubles().between(-3e9, 3e9),
                Arbitraries.of(0.0, 0.5, -0.5, 1e300, -1e300, (double) Integer.MAX_VALUE, (double) Integer.MIN_VALUE));
        Arbitrary<Double> scales = Arbitraries.doubles().between(-9, 11).map(e -> Math.pow(10, e));
        Arbitrary<QuantizedDistribution> distributions = Combinators.combine(
                Arbitraries.of(Shape.class), Arbitraries.integers().between(QuantizedDistribution.MIN_PRECISION, Message.MAX_PRECISION))
                .as(QuantizedDistribution::new);
        return Combinators.combine(distributions, means, scales).flatAs((d, mean, scale) -> {
            Arbitrary<Integer> near = Arbitraries.doubles().between(-4, 4)
                    .map(z -> (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(mean + z * scale))));
            return Arbitraries.oneOf(near, Arbitraries.integers()).map(v -> new Coded(d.codec(mean, scale), v));
        });
    }
}
