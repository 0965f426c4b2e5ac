package org.glowzip.codec.flow;

import java.util.Optional;
import java.util.function.IntPredicate;
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
 * at least one slot. A checkerboard posterior codes the noise of the samples whose row plus column
 * is even so, in planar order, and then that of the others under the distribution its second
 * network gives from the image and the even samples' noise, each taken as its bin's centre
 * {@code (k + 0.5) / 2^n - 0.5} (0 on the odd samples). Pushing goes in the reverse order. The
 * networks run on the deterministic kernels and the CDF on {@link StrictMath}, so both ends compute
 * the same integers; a location or scale that is not finite gives uniform bins.
 */
final class VariationalNoise {
    /** Bits of precision of the noise's cumulative frequencies. */
    static final int PRECISION = 16;

    private final GlowConfig config;
    private final CouplingNetwork network;
    private final Optional<CouplingNetwork> checkerboard;
    private final int bins;
    /** {@code logit(k / 2^n)} for {@code k = 1 .. 2^n - 1}. */
    private final double[] edgeLogits;

    VariationalNoise(GlowConfig config, CouplingNetwork network, Optional<CouplingNetwork> checkerboard, int noiseBits) {
        if (noiseBits < 1 || noiseBits > PRECISION - 2) {
            throw new IllegalArgumentException("variational noise needs 1 to " + (PRECISION - 2) + " bits, not " + noiseBits);
        }
        this.config = config;
        this.network = network;
        this.checkerboard = checkerboard;
        this.bins = 1 << noiseBits;
        this.edgeLogits = new double[bins];
        for (int k = 1; k < bins; k++) {
            edgeLogits[k] = StrictMath.log((double) k / (bins - k));
        }
    }

    /** The noise coding of the tile of planar {@code samples}. */
    TileNoise of(byte[] samples) {
        FeatureMap image = scaled(samples);
        int[] first = cumulative(network.apply(image));
        return new TileNoise() {
            @Override
            public void push(Message message, int[] u) {
                if (checkerboard.isEmpty()) {
                    pushAll(message, u, first, n -> true);
                    return;
                }
                pushAll(message, u, second(image, u), n -> !evenSample(n));
                pushAll(message, u, first, VariationalNoise.this::evenSample);
            }

            @Override
            public int[] pop(Message message) {
                int[] u = new int[samples.length];
                popAll(message, u, first, checkerboard.isEmpty() ? n -> true : VariationalNoise.this::evenSample);
                if (checkerboard.isPresent()) {
                    popAll(message, u, second(image, u), n -> !evenSample(n));
                }
                return u;
            }
        };
    }

    /** The samples scaled to {@code (p + 0.5) / 256 - 0.5}, as the networks read them. */
    private FeatureMap scaled(byte[] samples) {
        int area = config.height() * config.width();
        FeatureMap image = new FeatureMap(config.channels(), config.height(), config.width());
        for (int c = 0; c < config.channels(); c++) {
            float[] plane = image.plane(c);
            for (int i = 0; i < area; i++) {
                plane[i] = ((samples[c * area + i] & 0xFF) + 0.5f) / 256f - 0.5f;
            }
        }
        return image;
    }

    /** The cumulative frequencies of the odd samples' noise, given the image and the even samples' noise {@code u}. */
    private int[] second(FeatureMap image, int[] u) {
        int channels = config.channels();
        int area = config.height() * config.width();
        FeatureMap input = new FeatureMap(2 * channels, config.height(), config.width());
        for (int c = 0; c < channels; c++) {
            System.arraycopy(image.plane(c), 0, input.plane(c), 0, area);
            float[] kept = input.plane(channels + c);
            for (int i = 0; i < area; i++) {
                if (Checkerboard.even(i, config.width())) {
                    kept[i] = (u[c * area + i] + 0.5f) / bins - 0.5f;
                }
            }
        }
        return cumulative(checkerboard.orElseThrow().apply(input));
    }

    /** Whether sample {@code n} of the tile, in planar order, has an even row plus column. */
    private boolean evenSample(int n) {
        return Checkerboard.even(n % (config.height() * config.width()), config.width());
    }

    /** Pushes, last first, the noise of the samples {@code coded} selects. */
    private void pushAll(Message message, int[] u, int[] cumulative, IntPredicate coded) {
        int width = bins + 1;
        for (int n = u.length - 1; n >= 0; n--) {
            if (coded.test(n)) {
                int start = cumulative[n * width + u[n]];
                message.push(start, cumulative[n * width + u[n] + 1] - start, PRECISION);
            }
        }
    }

    /** Pops into {@code u}, first first, the noise of the samples {@code coded} selects. */
    private void popAll(Message message, int[] u, int[] cumulative, IntPredicate coded) {
        int width = bins + 1;
        for (int n = 0; n < u.length; n++) {
            if (coded.test(n)) {
                int slot = message.peek(PRECISION);
                int from = n * width;
                int k = 0;
                while (cumulative[from + k + 1] <= slot) {
                    k++;
                }
                message.pop(cumulative[from + k], cumulative[from + k + 1] - cumulative[from + k], PRECISION);
                u[n] = k;
            }
        }
    }

    /** Each sample's {@code 2^n + 1} cumulative frequencies, sample after sample, from a network's output {@code h}. */
    private int[] cumulative(FeatureMap h) {
        int channels = config.channels();
        int area = config.height() * config.width();
        int width = bins + 1;
        int[] cumulative = new int[channels * area * width];
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
