package org.glowzip.codec.flow;

import java.util.ArrayList;
import java.util.List;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.ans.Uniform;
import org.glowzip.codec.model.GlowConfig;
import org.glowzip.codec.model.ModelFile;
import org.glowzip.codec.nn.Conv2d;
import org.glowzip.codec.nn.CouplingNetwork;
import org.glowzip.codec.nn.FeatureMap;
import org.glowzip.codec.nn.ScaledConv2d;

/**
 * A trained Glow as an exactly invertible integer flow that codes model-shaped images
 * ({@code C x H x W} 8-bit samples, planar) onto a {@link Message} with bits-back.
 *
 * <p>Pushing an image: pop dequantization noise {@code u} ({@link CodingParameters#noiseBits()}
 * bits per sample) and form {@code z = 2^noiseBits * x + u - 2^(P-1)}, the fixed-point value of
 * {@code (x + noise) / 256 - 1/2}; then at each level squeeze, run the K steps (actnorm, 1x1
 * convolution, coupling) and, below the last level, push the factored-out half under its
 * conditional prior; push what remains under the top prior. Popping runs all of it backwards,
 * ends with {@code x = floor(z / 2^noiseBits)} and pushes the noise back.
 *
 * <p>Net cost: the model's negative log-likelihood of the dequantized image at the fixed-point
 * resolution, plus the borrowed noise bits when the message is too short to lend them.
 */
public final class IntGlow {
    private final GlowConfig config;
    private final byte[] fingerprint;
    private final CodingParameters parameters;
    private final List<List<IntStep>> levels = new ArrayList<>();
    private final List<ScaledConv2d> splitPriors = new ArrayList<>();
    private final int topChannels;
    private final float[][] topMean;
    private final float[][] topLogsd;
    private final GaussianPrior prior;

    public IntGlow(ModelFile model, CodingParameters parameters) {
        this.config = model.config();
        this.fingerprint = model.fingerprint();
        this.parameters = parameters;
        this.prior = new GaussianPrior(parameters);
        int channels = config.channels();
        for (int level = 0; level < config.levels(); level++) {
            channels *= 4;
            List<IntStep> steps = new ArrayList<>();
            for (int step = 0; step < config.steps(); step++) {
                String prefix = "level" + level + ".step" + step;
                steps.add(new IntActNorm(data(model, prefix + ".actnorm.bias"), data(model, prefix + ".actnorm.logs"), parameters));
                steps.add(new IntInvertibleConv(data(model, prefix + ".invconv.perm"), data(model, prefix + ".invconv.sign"),
                        data(model, prefix + ".invconv.lower"), data(model, prefix + ".invconv.upper"),
                        data(model, prefix + ".invconv.logs"), parameters));
                String coupling = prefix + ".coupling";
                CouplingNetwork network = new CouplingNetwork(conv(model, coupling + ".conv1"), conv(model, coupling + ".conv2"),
                        scaledConv(model, coupling + ".conv3"));
                steps.add(new IntCoupling(config.coupling(), network, parameters));
            }
            levels.add(steps);
            if (level < config.levels() - 1) {
                splitPriors.add(scaledConv(model, "level" + level + ".prior"));
                channels /= 2;
            }
        }
        topChannels = channels;
        topMean = planes(data(model, "top.mean"), channels);
        topLogsd = planes(data(model, "top.logsd"), channels);
    }

    public GlowConfig config() {
        return config;
    }

    public CodingParameters parameters() {
        return parameters;
    }

    /** The fingerprint of the model file this flow was built from. */
    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    /** Samples per model-shaped image, {@code C * H * W}. */
    public int samplesPerImage() {
        return (int) config.dimensions();
    }

    /**
     * Pushes one model-shaped image.
     *
     * @param samples {@code C * H * W} samples in {@code [0, 255]}, planar, row-major
     * @throws ArithmeticException if a latent leaves the range the prior codec covers; the
     *         message is then unusable
     */
    public void push(Message message, byte[] samples) {
        int noiseBits = parameters.noiseBits();
        long offset = 1L << (parameters.fractionalBits() - 1);
        Uniform noise = Uniform.ofBits(noiseBits);
        LatentMap z = new LatentMap(config.channels(), config.height(), config.width());
        int n = 0;
        for (int c = 0; c < z.channels(); c++) {
            long[] plane = z.plane(c);
            for (int i = 0; i < plane.length; i++) {
                plane[i] = ((long) (samples[n++] & 0xFF) << noiseBits) + noise.popInt(message) - offset;
            }
        }
        for (int level = 0; level < levels.size(); level++) {
            z = z.squeeze();
            for (IntStep step : levels.get(level)) {
                step.forward(message, z);
            }
            if (level < splitPriors.size()) {
                int half = z.channels() / 2;
                LatentMap kept = z.channels(0, half);
                float[][][] meanAndLogsd = splitParameters(level, kept);
                prior.push(message, z.channels(half, z.channels()), meanAndLogsd[0], meanAndLogsd[1]);
                z = kept;
            }
        }
        prior.push(message, z, topMean, topLogsd);
    }

    /**
     * Pops one model-shaped image pushed by {@link #push}.
     *
     * @param offset byte offset of the message in its stream, for errors
     * @throws MalformedStreamException if the decoded values are not an 8-bit image
     */
    public byte[] pop(Message message, long offset) throws MalformedStreamException {
        int side = 1 << levels.size();
        LatentMap z = new LatentMap(topChannels, config.height() / side, config.width() / side);
        prior.pop(message, z, topMean, topLogsd);
        for (int level = levels.size() - 1; level >= 0; level--) {
            if (level < splitPriors.size()) {
                LatentMap factored = new LatentMap(z.channels(), z.height(), z.width());
                float[][][] meanAndLogsd = splitParameters(level, z);
                prior.pop(message, factored, meanAndLogsd[0], meanAndLogsd[1]);
                z = LatentMap.concat(z, factored);
            }
            List<IntStep> steps = levels.get(level);
            for (int s = steps.size() - 1; s >= 0; s--) {
                steps.get(s).inverse(message, z);
            }
            z = z.unsqueeze();
        }
        int noiseBits = parameters.noiseBits();
        long offsetValue = 1L << (parameters.fractionalBits() - 1);
        Uniform noise = Uniform.ofBits(noiseBits);
        byte[] samples = new byte[samplesPerImage()];
        int n = samples.length;
        for (int c = z.channels() - 1; c >= 0; c--) {
            long[] plane = z.plane(c);
            for (int i = plane.length - 1; i >= 0; i--) {
                long value = plane[i] + offsetValue;
                long sample = value >> noiseBits;
                if (sample < 0 || sample > 255) {
                    throw new MalformedStreamException(offset, "decoded sample " + sample + " outside 0..255: damaged data or another model");
                }
                noise.pushInt(message, (int) (value & ((1L << noiseBits) - 1)));
                samples[--n] = (byte) sample;
            }
        }
        return samples;
    }

    /** Mean and log standard deviation of the factored-out half at {@code level}, given the kept half. */
    private float[][][] splitParameters(int level, LatentMap kept) {
        FeatureMap h = splitPriors.get(level).apply(kept.toFeatureMap(0, kept.channels(), parameters));
        int width = h.channels() / 2;
        float[][] mean = new float[width][];
        float[][] logsd = new float[width][];
        for (int c = 0; c < width; c++) {
            mean[c] = h.plane(c);
            logsd[c] = h.plane(width + c);
        }
        return new float[][][] {mean, logsd};
    }

    private static float[][] planes(float[] data, int channels) {
        int size = data.length / channels;
        float[][] planes = new float[channels][];
        for (int c = 0; c < channels; c++) {
            planes[c] = java.util.Arrays.copyOfRange(data, c * size, (c + 1) * size);
        }
        return planes;
    }

    private static float[] data(ModelFile model, String name) {
        return model.tensor(name).data();
    }

    private static Conv2d conv(ModelFile model, String prefix) {
        int[] shape = model.tensor(prefix + ".weight").shape();
        if (shape.length != 4 || shape[2] != shape[3]) {
            throw new IllegalArgumentException(prefix + ".weight must be [out, in, k, k]");
        }
        return new Conv2d(shape[1], shape[0], shape[2], data(model, prefix + ".weight"), data(model, prefix + ".bias"));
    }

    private static ScaledConv2d scaledConv(ModelFile model, String prefix) {
        return new ScaledConv2d(conv(model, prefix), data(model, prefix + ".logscale"));
    }
}
