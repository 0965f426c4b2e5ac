package org.glowzip.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The spill file gives back what went in, in order, once, within its capacity, and is reused once drained. */
class SpillFileTest {
    private static final ByteBufAllocator ALLOCATOR = UnpooledByteBufAllocator.DEFAULT;

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    /** Everything it holds, in pieces of at most {@code max} bytes. */
    private static byte[] drain(SpillFile spill, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf piece = spill.take(ALLOCATOR, max); piece != null; piece = spill.take(ALLOCATOR, max)) {
            assertTrue(piece.readableBytes() >= 1 && piece.readableBytes() <= max, "piece of " + piece.readableBytes());
            byte[] bytes = new byte[piece.readableBytes()];
            piece.readBytes(bytes);
            piece.release();
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void bytesComeOutInOrderOnceAndTheFileIsReused() throws IOException {
        try (SpillFile spill = new SpillFile(10_000)) {
            assertTrue(spill.isEmpty());
            assertNull(spill.take(ALLOCATOR, 100), "nothing to take before anything went in");
            byte[] first = random(3_000, 1);
            byte[] second = random(4_500, 2);
            spill.append(first, 3_000);
            spill.append(second, 2_000); // only the first 2,000 bytes count
            assertFalse(spill.isEmpty());
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.write(first, 0, 3_000);
            expected.write(second, 0, 2_000);
            assertArrayEquals(expected.toByteArray(), drain(spill, 777));
            assertTrue(spill.isEmpty());
            assertTrue(spill.fits(10_000), "drained, the whole capacity is free again");
            byte[] third = random(10_000, 3);
            spill.append(third, third.length);
            assertArrayEquals(third, drain(spill, 4_096));
        }
    }

    @Test
    void itHoldsNoMoreThanItsCapacity() throws IOException {
        try (SpillFile spill = new SpillFile(1_000)) {
            spill.append(new byte[600], 600);
            assertTrue(spill.fits(400));
            assertFalse(spill.fits(401));
            assertThrows(IllegalStateException.class, () -> spill.append(new byte[401], 401));
            assertArrayEquals(new byte[600], drain(spill, 1_000), "a refused append adds nothing");
        }
    }
}
