package org.glowzip.codec.context;

/**
 * The order in which a {@link ContextCoder} codes the samples of a {@code C x H x W} tile, cut
 * into steps: the samples of one step read only samples of earlier steps, so a decoder evaluates
 * the network for a whole step at once and then pops its samples in order.
 *
 * <ul>
 *   <li>{@link #raster}: pixel by pixel in raster order, channel by channel within a pixel; every
 *       sample a step of its own.</li>
 *   <li>{@link #waves}: pixel {@code (y, x)} belongs to wave {@code x + (R + 1) y}, where R is the
 *       radius of the features; waves in order, within a wave channel by channel, and within a
 *       channel the wave's pixels top to bottom, each channel of a wave a step. A pixel's causal
 *       neighbourhood (rows above within R columns either side, the R pixels to its left) lies
 *       in earlier waves, and its earlier channels in earlier steps, so the features of every
 *       sample are exactly those of the raster order: only the order of the pushes differs.</li>
 * </ul>
 */
public final class SampleOrder {
    private final int[] channel;
    private final int[] row;
    private final int[] column;
    private final int[] stepStart;

    private SampleOrder(int[] channel, int[] row, int[] column, int[] stepStart) {
        this.channel = channel;
        this.row = row;
        this.column = column;
        this.stepStart = stepStart;
    }

    /** Raster order, a sample a step. */
    public static SampleOrder raster(int channels, int height, int width) {
        int samples = channels * height * width;
        int[] channel = new int[samples];
        int[] row = new int[samples];
        int[] column = new int[samples];
        int[] stepStart = new int[samples + 1];
        for (int n = 0; n < samples; n++) {
            channel[n] = n % channels;
            row[n] = n / channels / width;
            column[n] = n / channels % width;
            stepStart[n + 1] = n + 1;
        }
        return new SampleOrder(channel, row, column, stepStart);
    }

    /** Waves of slope {@code radius + 1}, a step for each channel of each wave. */
    public static SampleOrder waves(int channels, int height, int width, int radius) {
        int slope = radius + 1;
        int waves = width + slope * (height - 1);
        int samples = channels * height * width;
        int[] channel = new int[samples];
        int[] row = new int[samples];
        int[] column = new int[samples];
        int[] stepStart = new int[waves * channels + 1];
        int n = 0;
        int step = 0;
        for (int wave = 0; wave < waves; wave++) {
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < height; y++) {
                    int x = wave - slope * y;
                    if (x >= 0 && x < width) {
                        channel[n] = c;
                        row[n] = y;
                        column[n] = x;
                        n++;
                    }
                }
                stepStart[++step] = n;
            }
        }
        return new SampleOrder(channel, row, column, stepStart);
    }

    /** The number of samples. */
    public int samples() {
        return channel.length;
    }

    /** The number of steps. */
    public int steps() {
        return stepStart.length - 1;
    }

    /** The first sample of step {@code s}; step s is samples {@code [start(s), start(s + 1))}. */
    public int start(int s) {
        return stepStart[s];
    }

    /** The channel of sample {@code n} in coding order. */
    public int channel(int n) {
        return channel[n];
    }

    /** The row of sample {@code n} within its tile. */
    public int row(int n) {
        return row[n];
    }

    /** The column of sample {@code n} within its tile. */
    public int column(int n) {
        return column[n];
    }
}
