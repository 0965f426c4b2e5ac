package org.glowzip.codec.ans;

/**
 * A codec of {@code int} symbols, without boxing on the hot path.
 */
public interface IntCodec extends Codec<Integer> {
    /** Pushes {@code symbol}; throws {@link IllegalArgumentException} if the codec cannot code it. */
    void pushInt(Message message, int symbol);

    /** Pops a symbol. */
    int popInt(Message message);

    /** The information content of {@code symbol} under this codec, {@code -log2 p(symbol)}, in bits. */
    double informationContent(int symbol);

    @Override
    default void push(Message message, Integer value) {
        pushInt(message, value);
    }

    @Override
    default Integer pop(Message message) {
        return popInt(message);
    }
}
