package org.glowzip.codec.ans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A checkpoint returns a message to its state exactly, however much the trials pushed and popped. */
class CheckpointTest {

    /** One operation: a push of a uniform symbol, or a pop of whatever symbol is on top (which may borrow). */
    record Operation(boolean push, int precision, int value) {
        void apply(Message message) {
            if (push) {
                message.push(value & ((1 << precision) - 1), 1, precision);
            } else {
                message.pop(message.peek(precision), 1, precision);
            }
        }
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<Message> random = Arbitraries.longs().between(Message.L, Long.MAX_VALUE)
                .flatMap(head -> Arbitraries.integers().array(int[].class).ofMaxSize(40).map(words -> Laws.message(head, words)));
        return Arbitraries.oneOf(Arbitraries.just(new Message()), random);
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<Operation> operation = Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(1, 24),
                Arbitraries.integers()).as(Operation::new);
        return operation.list().ofMaxSize(300);
    }

    @Property(tries = 1000)
    void restoreReturnsToTheCheckpointExactly(@ForAll("messages") Message start, @ForAll("operations") List<Operation> trial,
            @ForAll("operations") List<Operation> second, @ForAll("operations") List<Operation> after) {
        Message message = start.copy();
        try (Message.Checkpoint checkpoint = message.checkpoint()) {
            trial.forEach(op -> op.apply(message));
            checkpoint.restore();
            assertSame(start, message);
            second.forEach(op -> op.apply(message));
            Message expected = start.copy();
            second.forEach(op -> op.apply(expected));
            assertSame(expected, message);
            checkpoint.restore();
            assertSame(start, message);
        }
        Message expected = start.copy();
        after.forEach(op -> op.apply(expected));
        after.forEach(op -> op.apply(message));
        assertSame(expected, message);
    }

    @Test
    void oneCheckpointAtATime() {
        Message message = new Message();
        Message.Checkpoint checkpoint = message.checkpoint();
        assertThrows(IllegalStateException.class, message::checkpoint);
        checkpoint.close();
        assertThrows(IllegalStateException.class, checkpoint::restore);
        message.checkpoint().close();
    }

    private static void assertSame(Message expected, Message actual) {
        assertEquals(expected, actual);
        assertArrayEquals(expected.toBytes(), actual.toBytes());
    }
}
