package org.glowzip.codec.ans;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Codecs built from codecs. Values come out of a pop in the order they are listed, so each
 * combinator pushes in reverse.
 */
public final class Codecs {
    private Codecs() {
    }

    /** A pair of values; the result of {@link #dependent}. */
    public record Pair<A, B>(A first, B second) {
    }

    /** One value per codec, in order. */
    public static <T> Codec<List<T>> sequence(List<? extends Codec<T>> codecs) {
        List<Codec<T>> parts = List.copyOf(codecs);
        return new Codec<>() {
            @Override
            public void push(Message message, List<T> values) {
                requireSize(values, parts.size());
                for (int i = parts.size() - 1; i >= 0; i--) {
                    parts.get(i).push(message, values.get(i));
                }
            }

            @Override
            public List<T> pop(Message message) {
                List<T> values = new ArrayList<>(parts.size());
                for (Codec<T> part : parts) {
                    values.add(part.pop(message));
                }
                return Collections.unmodifiableList(values);
            }
        };
    }

    /** {@code count} values, each with {@code codec}. */
    public static <T> Codec<List<T>> repeat(Codec<T> codec, int count) {
        return sequence(Collections.nCopies(count, codec));
    }

    /**
     * A value, then a second value whose codec is chosen from the first. Popping the first value
     * tells the decoder which codec the second was pushed with.
     */
    public static <A, B> Codec<Pair<A, B>> dependent(Codec<A> first, Function<? super A, ? extends Codec<B>> second) {
        return new Codec<>() {
            @Override
            public void push(Message message, Pair<A, B> pair) {
                second.apply(pair.first()).push(message, pair.second());
                first.push(message, pair.first());
            }

            @Override
            public Pair<A, B> pop(Message message) {
                A a = first.pop(message);
                return new Pair<>(a, second.apply(a).pop(message));
            }
        };
    }

    private static void requireSize(List<?> values, int size) {
        if (values.size() != size) {
            throw new IllegalArgumentException(values.size() + " values for " + size + " codecs");
        }
    }
}
