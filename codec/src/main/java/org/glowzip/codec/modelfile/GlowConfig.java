package org.glowzip.codec.modelfile;

import java.util.Objects;

/**
 * The architecture of a Glow flow: everything needed, besides the trained tensors, to rebuild it.
 *
 * <p>The input is {@code channels x height x width} 8-bit samples. Each of the {@code levels}
 * levels squeezes (halving height and width, quadrupling channels), applies {@code steps} steps of
 * flow (actnorm, invertible 1x1 convolution, coupling whose networks have {@code hiddenWidth}
 * channels) and, except at the last level, factors out half of the channels. So height and width
 * must be multiples of {@code 2^levels}.
 *
 * @param levels number of levels L, 1 to {@value #MAX_LEVELS}
 * @param steps steps of flow per level K, 1 to {@value #MAX_STEPS}
 * @param hiddenWidth channels of the hidden layers of each coupling network, 1 to {@value #MAX_HIDDEN_WIDTH}
 * @param coupling affine or additive coupling
 * @param channels input channels C, 1 to {@value #MAX_CHANNELS}
 * @param height input height H in pixels, 1 to {@value #MAX_SIDE}, a multiple of {@code 2^levels}
 * @param width input width W in pixels, 1 to {@value #MAX_SIDE}, a multiple of {@code 2^levels}
 */
public record GlowConfig(
        int levels, int steps, int hiddenWidth, CouplingType coupling, int channels, int height, int width) {

    public static final int MAX_LEVELS = 8;
    public static final int MAX_STEPS = 4096;
    public static final int MAX_HIDDEN_WIDTH = 65536;
    public static final int MAX_CHANNELS = 16;
    public static final int MAX_SIDE = 65536;

    /** Checks every range; a violation is a caller mistake and raises {@link IllegalArgumentException}. */
    public GlowConfig {
        Objects.requireNonNull(coupling, "coupling");
        String problem = problem(levels, steps, hiddenWidth, channels, height, width);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * What is wrong with these values, or {@code null} if they form a valid configuration. Shared
     * by the constructor and the model file reader, which reports problems as malformed input.
     */
    static String problem(int levels, int steps, int hiddenWidth, int channels, int height, int width) {
        if (levels < 1 || levels > MAX_LEVELS) {
            return "levels " + levels + " outside [1, " + MAX_LEVELS + "]";
        }
        if (steps < 1 || steps > MAX_STEPS) {
            return "steps " + steps + " outside [1, " + MAX_STEPS + "]";
        }
        if (hiddenWidth < 1 || hiddenWidth > MAX_HIDDEN_WIDTH) {
            return "hidden width " + hiddenWidth + " outside [1, " + MAX_HIDDEN_WIDTH + "]";
        }
        if (channels < 1 || channels > MAX_CHANNELS) {
            return "channels " + channels + " outside [1, " + MAX_CHANNELS + "]";
        }
        int multiple = 1 << levels;
        for (int side : new int[] {height, width}) {
            if (side < 1 || side > MAX_SIDE) {
                return "image side " + side + " outside [1, " + MAX_SIDE + "]";
            }
            if (side % multiple != 0) {
                return "image side " + side + " is not a multiple of 2^levels = " + multiple;
            }
        }
        return null;
    }

    /** Number of dimensions (samples) of one input image: C x H x W. */
    public long dimensions() {
        return (long) channels * height * width;
    }
}
