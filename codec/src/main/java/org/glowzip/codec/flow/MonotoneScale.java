package org.glowzip.codec.flow;

import java.util.function.LongUnaryOperator;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.ans.Uniform;

/**
 * An increasing integer curve {@code G}, scaled down by {@code D}, as an exact bijection paid for
 * with the message: {@link ModularScale} ({@code G(x) = r x}) generalized to curves.
 *
 * <p>Forward: pop {@code a} uniform in {@code [0, G(x+1) - G(x))}, let {@code v = G(x) + a},
 * output {@code y = floor(v / D)} and push {@code v mod D} uniform in {@code [0, D)}. Inverse: pop
 * {@code b}, {@code v = D y + b}, find by bisection the {@code x} with {@code G(x) <= v < G(x+1)},
 * push {@code a = v - G(x)}. The net cost is {@code log2(D / (G(x+1) - G(x)))} bits: minus the
 * log-derivative of {@code G / D} at {@code x}.
 *
 * <p>{@code G} is computed by the caller in floating point and need not be increasing everywhere:
 * the forward map runs the inverse's search itself and raises {@link ArithmeticException} unless it
 * finds {@code x} again, so every value it codes decodes exactly. Domain: {@code |x| < 2^30}; a
 * step {@code G(x+1) - G(x)} outside {@code [1, 2^31]} or a {@code v} that overflows a
 * {@code long} also raises {@link ArithmeticException}.
 */
public final class MonotoneScale {
    /** Bound of the domain, exclusive; the inverse searches {@code [-LIMIT, LIMIT]}. */
    public static final long LIMIT = 1L << 30;

    private MonotoneScale() {
    }

    /** {@code G(x) / D}, coded forward. */
    public static long forward(Message message, long x, LongUnaryOperator curve, int denominator) {
        if (x <= -LIMIT || x >= LIMIT) {
            throw new ArithmeticException("value " + x + " outside the curve's domain");
        }
        long low = curve.applyAsLong(x);
        long step = Math.subtractExact(curve.applyAsLong(x + 1), low);
        if (step < 1 || step > 1L << 31) {
            throw new ArithmeticException("curve step " + step + " at " + x);
        }
        long v = Math.addExact(low, Uniform.of(step).popInt(message));
        if (search(curve, v) != x) {
            throw new ArithmeticException("curve not increasing around " + x);
        }
        Uniform.of(denominator).pushInt(message, (int) Math.floorMod(v, (long) denominator));
        return Math.floorDiv(v, (long) denominator);
    }

    /** The {@code x} that {@link #forward} mapped to {@code y}. */
    public static long inverse(Message message, long y, LongUnaryOperator curve, int denominator) {
        long v = Math.addExact(Math.multiplyExact(y, (long) denominator), Uniform.of(denominator).popInt(message));
        long x = search(curve, v);
        long low = curve.applyAsLong(x);
        Uniform.of(curve.applyAsLong(x + 1) - low).pushInt(message, (int) (v - low));
        return x;
    }

    /** The {@code x} in {@code [-LIMIT, LIMIT)} with {@code G(x) <= v < G(x + 1)} found by bisection. */
    private static long search(LongUnaryOperator curve, long v) {
        long low = -LIMIT;
        long high = LIMIT;
        if (curve.applyAsLong(low) > v || curve.applyAsLong(high) <= v) {
            throw new ArithmeticException("value " + v + " outside the curve's range");
        }
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (curve.applyAsLong(middle) <= v) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
