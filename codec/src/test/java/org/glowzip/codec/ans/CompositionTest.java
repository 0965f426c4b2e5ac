package org.glowzip.codec.ans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CompositionTest {

    @Provide
    Arbitrary<Message> messages() {
        return new MessageTest().messages();
    }

    @Property(tries = 1000)
    void sequenceCodesEachValueWithItsCodec(@ForAll("messages") Message start, @ForAll @Size(max = 20) List<@IntRange(min = 0, max = 254) Integer> values) {
        List<IntCodec> codecs = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            codecs.add(Uniform.of(255 + i));
        }
        Laws.assertRoundTrip(Codecs.sequence(codecs), values, start);
    }

    @Property(tries = 1000)
    void repeatCodesEveryValue(@ForAll("messages") Message start, @ForAll @Size(max = 50) List<Integer> values) {
        Codec<Integer> codec = new QuantizedDistribution(Shape.LOGISTIC, 16).codec(0, 40);
        Laws.assertRoundTrip(Codecs.repeat(codec, values.size()), values, start);
    }

    @Property(tries = 1000)
    void dependentChoosesTheSecondCodecFromTheFirstValue(@ForAll("messages") Message start,
            @ForAll @IntRange(min = 1, max = 1000) int n, @ForAll @IntRange(min = 0, max = 999) int raw) {
        Codec<Codecs.Pair<Integer, Integer>> codec = Codecs.dependent(Uniform.of(1001), m -> Uniform.of(m + 1));
        Laws.assertRoundTrip(codec, new Codecs.Pair<>(n, raw % (n + 1)), start);
    }

    /** A toy latent-variable model: z uniform in [0, 16), x = 16 z + noise, posterior exact. */
    private static final Codec<Integer> PRIOR = Uniform.of(16);
    private static final Function<Integer, Codec<Integer>> LIKELIHOOD =
            z -> new QuantizedDistribution(Shape.GAUSSIAN, 16).codec(16 * z + 7.5, 3);
    private static final Function<Integer, Codec<Integer>> POSTERIOR =
            x -> new Categorical(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 8, 7, 6, 5, 4, 3, 2, 1 + Math.floorMod(x, 5)}, 12);

    @Property(tries = 1000)
    void bitsBackReturnsTheValueAndTheMessage(@ForAll("messages") Message start, @ForAll @IntRange(min = -20, max = 300) int x) {
        Laws.assertRoundTrip(new BitsBack<>(PRIOR, LIKELIHOOD, POSTERIOR), x, start);
    }

    @Test
    void bitsBackOnAFreshMessageBorrowsAndReturns() {
        BitsBack<Integer, Integer> codec = new BitsBack<>(PRIOR, LIKELIHOOD, POSTERIOR);
        Message message = new Message();
        List<Integer> xs = List.of(3, 40, 77, 128, 200, 255, 0, 19);
        Codecs.repeat(codec, xs.size()).push(message, xs);
        assertEquals(xs, Codecs.repeat(codec, xs.size()).pop(message));
        assertTrue(message.isFresh(), "every borrowed bit came back");
    }
}
