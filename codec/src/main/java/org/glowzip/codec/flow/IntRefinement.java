package org.glowzip.codec.flow;

import org.glowzip.codec.ans.Message;
import org.glowzip.codec.ans.Uniform;
import org.glowzip.codec.nn.FeatureMap;

/**
 * Refinement: channels whose {@link Frame} unit has grown above a bound get {@code k} more bits,
 * {@code X' = 2^k X + a} with {@code a} popped uniformly, and a unit {@code 2^k} times finer, so
 * that the flow keeps the resolution its rounded sums need. It is dequantization in the middle of
 * the flow: the inverse pushes {@code a} back, and the pops cost nothing when the message
 * already holds what the image pushed before them.
 */
final class IntRefinement implements IntStep {
    private final int[] bits;
    private final Frame output;

    /** Refines each channel of {@code input} whose unit exceeds {@code maxUnit} to at most {@code maxUnit}. */
    IntRefinement(Frame input, double maxUnit) {
        bits = new int[input.channels()];
        double[] units = new double[input.channels()];
        double[] offsets = new double[input.channels()];
        for (int c = 0; c < bits.length; c++) {
            double unit = input.unit(c);
            while (unit > maxUnit && bits[c] < 30) {
                unit /= 2;
                bits[c]++;
            }
            units[c] = unit;
            offsets[c] = input.offset(c) - input.unit(c) / 2 + unit / 2;
        }
        output = new Frame(units, offsets);
    }

    Frame output() {
        return output;
    }

    /** Whether some channel is refined; a refinement that refines nothing need not run. */
    boolean refines() {
        for (int k : bits) {
            if (k > 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void forward(Message message, LatentMap x, FeatureMap border) {
        for (int c = 0; c < bits.length; c++) {
            if (bits[c] > 0) {
                Uniform noise = Uniform.ofBits(bits[c]);
                long[] plane = x.plane(c);
                for (int i = 0; i < plane.length; i++) {
                    plane[i] = Math.addExact(Math.multiplyExact(plane[i], 1L << bits[c]), noise.popInt(message));
                }
            }
        }
    }

    @Override
    public void inverse(Message message, LatentMap y, FeatureMap border) {
        for (int c = bits.length - 1; c >= 0; c--) {
            if (bits[c] > 0) {
                Uniform noise = Uniform.ofBits(bits[c]);
                long[] plane = y.plane(c);
                for (int i = plane.length - 1; i >= 0; i--) {
                    noise.pushInt(message, (int) (plane[i] & ((1L << bits[c]) - 1)));
                    plane[i] >>= bits[c];
                }
            }
        }
    }
}
