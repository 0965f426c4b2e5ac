package org.glowzip.codec.flow;

import org.glowzip.codec.ans.Message;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.nn.CouplingNetwork;
import org.glowzip.codec.nn.FeatureMap;

/**
 * The variational dequantization posterior of a Glow trained with one ({@link GlowLayout}'s
 * dequantizer): the noise {@code u} of each sample, {@code n} bits, is coded under the
 * logit-logistic distribution whose location {@code mu} and log-scale {@code ls} the dequantizer
 * network gives for that sample of the tile, discretized to the {@code 2^n} bins
 * {@code [k / 2^n, (k + 1) / 2^n)}:
 * {@code F(k) = sigmoid((logit(k / 2^n) - mu) * exp(-ls))}, and bin k's cumulative frequency
 * {@code floor(F(k) * (2^P - 2^n)) + k} of {@code 2^P}, {@value #PRECISION} bits, so every bin has
 * at least one slot. The network runs on the deterministic kernels and the CDF on
 * {@link StrictMath}, so both ends compute the same integers; a location or scale that is not
 * finite gives uniform bins.
 */
final class VariationalNoise {
    /** Bits of precision of the noise's cumulative frequencies. */
    static final int PRECISION = 16;

    private final GlowConfig config;
    private final CouplingNetwork network;
    private final int bins;
    /** {@code logit(k / 2^n)} for {@code k = 1 .. 2^n - 1}. */
    private final double[] edgeLogits;

    VariationalNoise(GlowConfig config, CouplingNetwork network, int noiseBits) {
        if (noiseBits < 1 || noiseBits > PRECISION - 2) {
            throw new IllegalArgumentException("variational noise needs 1 to " + (PRECISION - 2) + " bits, not " + noiseBits);
        }
        this.config = config;
        this.network = network;
        this.bins = 1 << noiseBits;
        this.edgeLogits = new double[bins];
        for (int k = 1; k < bins; k++) {
            edgeLogits[k] = StrictMath.log((double) k / (bins - k));
        }
    }

    /** The noise coding of the tile of planar {@code samples}. */
    TileNoise of(byte[] samples) {
        int[] cumulative = cumulative(samples);
        int width = bins + 1;
        return new TileNoise() {
            @Override
            public void push(Message message, int index, int u) {
                int start = cumulative[index * width + u];
                message.push(start, cumulative[index * width + u + 1] - start, PRECISION);
            }

            @Override
            public int pop(Message message, int index) {
                int slot = message.peek(PRECISION);
                int from = index * width;
                int u = 0;
                while (cumulative[from + u + 1] <= slot) {
                    u++;
                }
                message.pop(cumulative[from + u], cumulative[from + u + 1] - cumulative[from + u], PRECISION);
                return u;
            }
        };
    }

    /** Each sample's {@code 2^n + 1} cumulative frequencies, sample after sample. */
    private int[] cumulative(byte[] samples) {
        int channels = config.channels();
        int area = config.height() * config.width();
        FeatureMap image = new FeatureMap(channels, config.height(), config.width());
        for (int c = 0; c < channels; c++) {
            float[] plane = image.plane(c);
            for (int i = 0; i < area; i++) {
                plane[i] = ((samples[c * area + i] & 0xFF) + 0.5f) / 256f - 0.5f;
            }
        }
        FeatureMap h = network.apply(image);
        int width = bins + 1;
        int[] cumulative = new int[samples.length * width];
        int spread = (1 << PRECISION) - bins;
        for (int c = 0; c < channels; c++) {
            float[] location = h.plane(c);
            float[] logScale = h.plane(channels + c);
            for (int i = 0; i < area; i++) {
                int from = (c * area + i) * width;
                double mu = location[i];
                double inverseScale = StrictMath.exp(-(double) logScale[i]);
                boolean finite = Double.isFinite(mu) && Double.isFinite(inverseScale);
                for (int k = 1; k < bins; k++) {
                    double f = finite ? 1.0 / (1.0 + StrictMath.exp(-(edgeLogits[k] - mu) * inverseScale)) : (double) k / bins;
                    cumulative[from + k] = (f >= 0 ? (int) (f * spread) : 0) + k;
                }
                cumulative[from + bins] = 1 << PRECISION;
            }
        }
        return cumulative;
    }
}
