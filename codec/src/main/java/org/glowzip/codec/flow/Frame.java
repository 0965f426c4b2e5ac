package org.glowzip.codec.flow;

import java.util.Arrays;

/**
 * How the integers of a {@link LatentMap} stand for the float model's values: in channel
 * {@code c} the integer {@code X} means {@code X * unit[c] + offset[c]}, the centre of a bin
 * {@code unit[c]} wide.
 *
 * <p>Frames are how the integer flow applies the model's constant affine maps for free: actnorm
 * and the diagonal of the 1x1 convolution change the frame, not the integers, so they cost no
 * bits and round nothing. A frame depends only on the model and the coding parameters and is
 * computed once, in one fixed order, so encoder and decoder hold identical ones. Units are
 * positive.
 */
final class Frame {
    private final double[] unit;
    private final double[] offset;

    Frame(double[] unit, double[] offset) {
        if (unit.length != offset.length) {
            throw new IllegalArgumentException(unit.length + " units but " + offset.length + " offsets");
        }
        for (double u : unit) {
            if (!(u > 0 && u < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("unit " + u + " is not a positive finite number");
            }
        }
        this.unit = unit;
        this.offset = offset;
    }

    /**
     * The frame of an 8-bit image with {@code noiseBits} bits of dequantization noise per sample:
     * integer {@code 2^noiseBits * x + u} stands for the centre of noise bin {@code u} inside
     * sample {@code x}'s bin, in the model's input units {@code x / 256 - 1/2}.
     */
    static Frame ofImage(int channels, int noiseBits) {
        double unit = 1.0 / (256L << noiseBits);
        double[] units = new double[channels];
        double[] offsets = new double[channels];
        Arrays.fill(units, unit);
        Arrays.fill(offsets, unit / 2 - 0.5);
        return new Frame(units, offsets);
    }

    int channels() {
        return unit.length;
    }

    double unit(int c) {
        return unit[c];
    }

    double offset(int c) {
        return offset[c];
    }

    /** The float-model value of integer {@code x} in channel {@code c}. */
    double value(int c, long x) {
        return x * unit[c] + offset[c];
    }

    /** The frame after {@code y = (x + shift[c]) * exp(logScale[c])}: the integers do not change. */
    Frame scaled(float[] shift, float[] logScale) {
        double[] units = new double[channels()];
        double[] offsets = new double[channels()];
        for (int c = 0; c < channels(); c++) {
            double scale = StrictMath.exp(logScale[c]);
            units[c] = unit[c] * scale;
            offsets[c] = (offset[c] + shift[c]) * scale;
        }
        return new Frame(units, offsets);
    }

    /** Channels {@code [from, to)}. */
    Frame channels(int from, int to) {
        return new Frame(Arrays.copyOfRange(unit, from, to), Arrays.copyOfRange(offset, from, to));
    }

    /** The frame of {@link LatentMap#squeeze}: channel {@code 4c + k} keeps channel {@code c}'s unit and offset. */
    Frame squeeze() {
        double[] units = new double[4 * channels()];
        double[] offsets = new double[4 * channels()];
        for (int c = 0; c < channels(); c++) {
            Arrays.fill(units, 4 * c, 4 * c + 4, unit[c]);
            Arrays.fill(offsets, 4 * c, 4 * c + 4, offset[c]);
        }
        return new Frame(units, offsets);
    }
}
