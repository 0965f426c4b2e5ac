package org.glowzip.codec.ans;

/**
 * A codec is a push/pop pair over a {@link Message}: {@code pop} undoes {@code push} exactly,
 * returning the value and leaving the message as it was before the push.
 *
 * <p>{@code pop} is total: it returns some value for any message, which is what lets a bits-back
 * coder pop a value it never pushed. Codecs compose through {@link Codecs} and {@link BitsBack}.
 *
 * @param <T> the values coded
 */
public interface Codec<T> {
    /** Pushes {@code value} onto {@code message}. */
    void push(Message message, T value);

    /** Pops the value on top of {@code message}. */
    T pop(Message message);
}
