package org.glowzip.codec.flow;

import org.glowzip.codec.ans.Message;

/** Actnorm, {@code y = (x + bias[c]) * exp(logs[c])}: a rounded shift, then a modular scale. */
final class IntActNorm implements IntStep {
    private final long[] shift;
    private final int[] numerator;
    private final int denominator;

    IntActNorm(float[] bias, float[] logs, CodingParameters parameters) {
        shift = new long[bias.length];
        numerator = new int[bias.length];
        for (int c = 0; c < bias.length; c++) {
            shift[c] = parameters.toFixed(bias[c]);
            numerator[c] = parameters.scaleNumerator(StrictMath.exp(logs[c]));
        }
        denominator = parameters.scaleDenominator();
    }

    @Override
    public void forward(Message message, LatentMap x) {
        for (int c = 0; c < shift.length; c++) {
            long[] plane = x.plane(c);
            for (int i = 0; i < plane.length; i++) {
                plane[i] = ModularScale.forward(message, Math.addExact(plane[i], shift[c]), numerator[c], denominator);
            }
        }
    }

    @Override
    public void inverse(Message message, LatentMap y) {
        for (int c = shift.length - 1; c >= 0; c--) {
            long[] plane = y.plane(c);
            for (int i = plane.length - 1; i >= 0; i--) {
                plane[i] = ModularScale.inverse(message, plane[i], numerator[c], denominator) - shift[c];
            }
        }
    }
}
