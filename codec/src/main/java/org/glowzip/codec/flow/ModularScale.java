package org.glowzip.codec.flow;

import org.glowzip.codec.ans.Message;
import org.glowzip.codec.ans.Uniform;

/**
 * Multiplication of an integer by a rational scale {@code r / s} as an exact bijection, paid for
 * with the message (the Modular Scale Transform of iFlow).
 *
 * <p>Forward: pop {@code a} uniform in {@code [0, r)}, let {@code v = r * x + a}, output
 * {@code y = floor(v / s)} and push {@code b = v mod s} uniform in {@code [0, s)}. Inverse:
 * pop {@code b}, {@code v = s * y + b}, {@code x = floor(v / r)}, push {@code a = v mod r}. Since
 * {@code (x, a)} and {@code (y, b)} name the same {@code v}, nothing is lost, and the net cost is
 * {@code log2(s / r)} bits: minus the log-determinant of the scale.
 *
 * <p>Bounds: {@code 1 <= r, s <= 2^31}; a {@code v} that would overflow a {@code long} raises
 * {@link ArithmeticException}.
 */
public final class ModularScale {
    private ModularScale() {
    }

    /** {@code x * r / s}, coded forward. */
    public static long forward(Message message, long x, int r, int s) {
        long v = Math.addExact(Math.multiplyExact(r, x), Uniform.of(r).popInt(message));
        Uniform.of(s).pushInt(message, (int) Math.floorMod(v, (long) s));
        return Math.floorDiv(v, (long) s);
    }

    /** The {@code x} that {@link #forward} mapped to {@code y}. */
    public static long inverse(Message message, long y, int r, int s) {
        long v = Math.addExact(Math.multiplyExact(s, y), Uniform.of(s).popInt(message));
        Uniform.of(r).pushInt(message, (int) Math.floorMod(v, (long) r));
        return Math.floorDiv(v, (long) r);
    }
}
