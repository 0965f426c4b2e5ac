package org.glowzip.codec.flow;

import org.glowzip.codec.ans.Message;
import org.glowzip.codec.ans.Uniform;

/**
 * An increasing integer curve {@code G}, scaled down by {@code D}, as an exact bijection paid for
 * with the message: {@link ModularScale} ({@code G(x) = r x}) generalized to curves.
 *
 * <p>Forward: pop {@code a} uniform in {@code [0, G(x+1) - G(x))}, let {@code v = G(x) + a},
 * output {@code y = floor(v / D)} and push {@code v mod D} uniform in {@code [0, D)}. Inverse: pop
 * {@code b}, {@code v = D y + b}, search the {@code x} with {@code G(x) <= v < G(x+1)},
 * push {@code a = v - G(x)}. The net cost is {@code log2(D / (G(x+1) - G(x)))} bits: minus the
 * log-derivative of {@code G / D} at {@code x}.
 *
 * <p>{@code G} is computed by the caller in floating point ({@link MonotoneCurve}) and need not be increasing everywhere:
 * the forward map runs the inverse's search itself and raises {@link ArithmeticException} unless it
 * finds {@code x} again, so every value it codes decodes exactly. Domain: {@code |x| < 2^40}; a
 * step {@code G(x+1) - G(x)} outside {@code [1, 2^31]} or a {@code v} that overflows a
 * {@code long} also raises {@link ArithmeticException}.
 */
public final class MonotoneScale {
    /** Bound of the domain, exclusive; the inverse searches {@code [-LIMIT, LIMIT]}. */
    public static final long LIMIT = 1L << 40;

    private MonotoneScale() {
    }

    /** {@code G(x) / D}, coded forward. */
    public static long forward(Message message, long x, MonotoneCurve curve, int denominator) {
        if (x <= -LIMIT || x >= LIMIT) {
            throw new ArithmeticException("value " + x + " outside the curve's domain");
        }
        long low = curve.at(x);
        long step = Math.subtractExact(curve.at(x + 1), low);
        if (step < 1 || step > 1L << 31) {
            throw new ArithmeticException("curve step " + step + " at " + x);
        }
        long v = Math.addExact(low, Uniform.of(step).popInt(message));
        if (search(curve, v).x() != x) {
            throw new ArithmeticException("curve not increasing around " + x);
        }
        Uniform.of(denominator).pushInt(message, (int) Math.floorMod(v, (long) denominator));
        return Math.floorDiv(v, (long) denominator);
    }

    /** The {@code x} that {@link #forward} mapped to {@code y}. */
    public static long inverse(Message message, long y, MonotoneCurve curve, int denominator) {
        long v = Math.addExact(Math.multiplyExact(y, (long) denominator), Uniform.of(denominator).popInt(message));
        Found found = search(curve, v);
        long step = found.next() - found.at();
        if (step > 1L << 31) {
            throw new ArithmeticException("curve step " + step + " at " + found.x());
        }
        Uniform.of(step).pushInt(message, (int) (v - found.at()));
        return found.x();
    }

    /** What the search found: {@code x} with {@code at = G(x) <= v < next = G(x + 1)}. */
    private record Found(long x, long at, long next) {
    }

    /**
     * The {@code x} in {@code [-LIMIT, LIMIT)} with {@code G(x) <= v < G(x + 1)}, with both values.
     * The search starts from the curve's guess, clamped to the domain; an end on the wrong side of
     * {@code v} becomes the other end and the bracket grows past it, twice as wide each time, up to
     * the domain's bound. Then regula falsi on the bracket (the Illinois variant: an
     * end kept twice has its residual halved), which a smooth curve leads to within a few
     * evaluations, and a bisection step whenever two steps did not halve the bracket, which bounds
     * the evaluations to a small multiple of bisection's. Integer brackets and IEEE arithmetic on
     * their values: the same search in every JVM.
     */
    private static Found search(MonotoneCurve curve, long v) {
        MonotoneCurve.Bracket guess = curve.guess(v);
        long low = Math.max(-LIMIT, Math.min(LIMIT - 1, guess.low()));
        long high = Math.max(low + 1, Math.min(LIMIT, guess.high()));
        long atLow = curve.at(low);
        long atHigh = curve.at(high);
        while (atLow > v) {
            if (low == -LIMIT) {
                throw new ArithmeticException("value " + v + " below the curve's range");
            }
            long width = high - low;
            high = low;
            atHigh = atLow;
            low = Math.max(-LIMIT, low - 2 * width);
            atLow = curve.at(low);
        }
        while (atHigh <= v) {
            if (high == LIMIT) {
                throw new ArithmeticException("value " + v + " above the curve's range");
            }
            long width = high - low;
            low = high;
            atLow = atHigh;
            high = Math.min(LIMIT, high + 2 * width);
            atHigh = curve.at(high);
        }
        double lowResidual = (double) atLow - v;
        double highResidual = (double) atHigh - v;
        int kept = 0;
        long widthTwoStepsAgo = Long.MAX_VALUE;
        long previousWidth = high - low;
        while (high - low > 1) {
            long middle;
            if (2 * (high - low) > widthTwoStepsAgo) {
                middle = low + (high - low) / 2;
            } else {
                double fraction = -lowResidual / (highResidual - lowResidual);
                middle = Math.max(low + 1, Math.min(high - 1, low + (long) (fraction * (high - low))));
            }
            long g = curve.at(middle);
            if (g <= v) {
                low = middle;
                atLow = g;
                lowResidual = (double) g - v;
                highResidual = kept > 0 ? highResidual / 2 : highResidual;
                kept = kept > 0 ? kept + 1 : 1;
            } else {
                high = middle;
                atHigh = g;
                highResidual = (double) g - v;
                lowResidual = kept < 0 ? lowResidual / 2 : lowResidual;
                kept = kept < 0 ? kept - 1 : -1;
            }
            widthTwoStepsAgo = previousWidth;
            previousWidth = high - low;
        }
        return new Found(low, atLow, atHigh);
    }
}
