package org.glowzip.codec.nn;

/**
 * The network of a coupling layer: conv3x3 - ReLU - conv1x1 - ReLU - {@link ScaledConv2d}.
 * Deterministic like {@link Conv2d}.
 */
public final class CouplingNetwork {
    private final Conv2d first;
    private final Conv2d second;
    private final ScaledConv2d last;

    public CouplingNetwork(Conv2d first, Conv2d second, ScaledConv2d last) {
        if (first.outChannels() != second.inChannels() || second.outChannels() != last.inChannels()) {
            throw new IllegalArgumentException("coupling network layers do not chain");
        }
        this.first = first;
        this.second = second;
        this.last = last;
    }

    public int inChannels() {
        return first.inChannels();
    }

    public int outChannels() {
        return last.outChannels();
    }

    public FeatureMap apply(FeatureMap input) {
        return afterFirst(first.apply(input));
    }

    /** The network with {@code firstAddend} (the first layer's outputs' shape) added to its first layer's output, before the ReLU. */
    public FeatureMap apply(FeatureMap input, FeatureMap firstAddend) {
        return afterFirst(first.apply(input).add(firstAddend));
    }

    private FeatureMap afterFirst(FeatureMap firstOutput) {
        return last.apply(relu(second.apply(relu(firstOutput))));
    }

    private static FeatureMap relu(FeatureMap map) {
        for (int c = 0; c < map.channels(); c++) {
            float[] plane = map.plane(c);
            for (int i = 0; i < plane.length; i++) {
                plane[i] = Math.max(plane[i], 0f);
            }
        }
        return map;
    }
}
