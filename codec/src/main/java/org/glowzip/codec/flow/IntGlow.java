package org.glowzip.codec.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.ans.Uniform;
import org.glowzip.codec.context.ContextCoder;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.model.GlowConfig;
import org.glowzip.codec.model.GlowLayout;
import org.glowzip.codec.model.ModelFile;
import org.glowzip.codec.nn.Conv2d;
import org.glowzip.codec.nn.CouplingNetwork;
import org.glowzip.codec.nn.FeatureMap;
import org.glowzip.codec.nn.ScaledConv2d;

/**
 * A trained Glow as an exactly invertible integer flow that codes model-shaped images
 * ({@code C x H x W} 8-bit samples, planar) onto a {@link Message}.
 *
 * <p>Pushing an image: form the integers {@code X = 2^n * x + u} in the image {@link Frame}; at
 * each level squeeze and run the K steps (actnorm and the 1x1 convolution's diagonal change the
 * frame; its triangular factors and the coupling shifts add rounded sums; coupling scales are
 * {@link ModularScale}s; an {@link IntRefinement} pops more bits wherever a unit has grown past
 * the flow's resolution) and, below the last level, push the factored-out half under its
 * conditional prior; push what remains under the top prior; push the mode, one bit. Popping runs
 * all of it backwards.
 *
 * <p>Two modes. <b>Bits-back</b> ({@code n} = {@link CodingParameters#noiseBits()}, units
 * refined to {@code 2^-fractionalBits}): the noise {@code u} and the refinement bits are popped
 * from the message, and popping the image pushes them back, so on a message that can lend them
 * the net cost is the model's negative log-likelihood of the dequantized image. <b>Pop-free</b>:
 * nothing is popped before the image has pushed it, so the image costs what it pushes even on an
 * empty message. Pop-free coding uses the model file's {@link ContextModel} where it has one
 * (pushes only); otherwise this flow with {@code n = 0} and coarse units
 * ({@code 2^-popFreeBits}), which fit the model less well. The first image of a message is pushed
 * pop-free; every later one is pushed both ways and the shorter result kept, except that without
 * a context model a message that can lend everything bits-back pops takes bits-back directly
 * (the coarse flow never wins there). The mode is the last bit pushed.
 */
public final class IntGlow {
    private static final Uniform MODE = Uniform.ofBits(1);
    /**
     * Bits per sample, beyond the noise bits, that a message must hold for a bits-back push to
     * borrow nothing: its refinements pop about 5.4 more bits per sample of the bundled model
     * before the image's own pushes repay them ({@code glowzip initial-bits}).
     */
    private static final long REFINEMENT_BITS_PER_SAMPLE = 8;

    private final GlowConfig config;
    private final byte[] fingerprint;
    private final CodingParameters parameters;
    private final GaussianPrior prior;
    private final Flow bitsBack;
    private final Mode popFree;

    public IntGlow(ModelFile model, CodingParameters parameters) {
        this.config = model.config();
        this.fingerprint = model.fingerprint();
        this.parameters = parameters;
        this.prior = new GaussianPrior(parameters.priorPrecision());
        GlowLayout layout = new GlowLayout(config);
        String problem = layout.problem(model);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Map<GlowLayout.Step, CouplingNetwork> networks = new HashMap<>();
        for (GlowLayout.Level level : layout.levels()) {
            for (GlowLayout.Step step : level.steps()) {
                networks.put(step, new CouplingNetwork(conv(model, step.couplingConv(1)), conv(model, step.couplingConv(2)),
                        scaledConv(model, step.couplingConv(3))));
            }
        }
        this.bitsBack = new Flow(model, layout, networks, parameters.noiseBits(), parameters.fractionalBits());
        this.popFree = ContextModel.present(model) ? new ContextMode(new ContextCoder(ContextModel.of(model)))
                : new Flow(model, layout, networks, 0, parameters.popFreeBits());
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

    /** Whether pop-free images go through the model file's context model (rather than the coarse flow). */
    public boolean popFreeByContextModel() {
        return popFree instanceof ContextMode;
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
        boolean rich = message.bitLength() > (parameters.noiseBits() + REFINEMENT_BITS_PER_SAMPLE) * samplesPerImage();
        if (rich && !popFreeByContextModel()) {
            push(message, samples, bitsBack); // the coarse pop-free flow does not win where bits-back borrows nothing
            return;
        }
        if (message.isFresh()) {
            push(message, samples, popFree); // bits-back would borrow every noise bit: on real images it never wins here
            return;
        }
        try (Message.Checkpoint start = message.checkpoint()) {
            long popFreeLength = lengthAfter(message, samples, popFree);
            start.restore();
            long bitsBackLength = lengthAfter(message, samples, bitsBack);
            if (bitsBackLength >= 0 && (popFreeLength < 0 || bitsBackLength < popFreeLength)) {
                return;
            }
            start.restore();
            if (popFreeLength < 0) {
                throw new ArithmeticException("a latent of the image leaves the coder's range in both modes");
            }
            push(message, samples, popFree);
        }
    }

    /** The message's length after pushing the image in {@code mode}; -1 when a latent leaves the coder's range. */
    private long lengthAfter(Message message, byte[] samples, Mode mode) {
        try {
            push(message, samples, mode);
            return message.bitLength();
        } catch (ArithmeticException outOfRange) {
            return -1;
        }
    }

    private void push(Message message, byte[] samples, Mode mode) {
        mode.push(message, samples);
        MODE.pushInt(message, mode == bitsBack ? 1 : 0);
    }

    /**
     * Pops one model-shaped image pushed by {@link #push}.
     *
     * @param offset byte offset of the message in its stream, for errors
     * @throws MalformedStreamException if the decoded values are not an 8-bit image
     */
    public byte[] pop(Message message, long offset) throws MalformedStreamException {
        return (MODE.popInt(message) == 1 ? bitsBack : popFree).pop(message, offset);
    }

    /** One way of coding a model-shaped image of planar samples. */
    private interface Mode {
        void push(Message message, byte[] samples);

        byte[] pop(Message message, long offset) throws MalformedStreamException;
    }

    /** The context model's coder as a mode. */
    private record ContextMode(ContextCoder coder) implements Mode {
        @Override
        public void push(Message message, byte[] samples) {
            coder.push(message, samples);
        }

        @Override
        public byte[] pop(Message message, long offset) {
            return coder.pop(message);
        }
    }

    /** The steps, priors and frames of the flow for one image frame. */
    private final class Flow implements Mode {
        final int noiseBits;
        final List<List<IntStep>> levels = new ArrayList<>();
        final List<ScaledConv2d> splitPriors = new ArrayList<>();
        /** The frames of what each prior codes: the factored-out halves, then the top latent. */
        final List<Frame> priorFrames = new ArrayList<>();
        final List<Frame> keptFrames = new ArrayList<>();
        final float[][] topMean;
        final float[][] topLogsd;

        /**
         * @param noiseBits      dequantization noise bits per sample
         * @param resolutionBits units are refined to at most {@code 2^-resolutionBits} before
         *                       each 1x1 convolution and each coupling
         */
        Flow(ModelFile model, GlowLayout layout, Map<GlowLayout.Step, CouplingNetwork> networks, int noiseBits, int resolutionBits) {
            this.noiseBits = noiseBits;
            double maxUnit = StrictMath.scalb(1.0, -resolutionBits);
            Frame frame = Frame.ofImage(config.channels(), noiseBits);
            for (GlowLayout.Level level : layout.levels()) {
                frame = frame.squeeze();
                List<IntStep> steps = new ArrayList<>();
                for (GlowLayout.Step step : level.steps()) {
                    String actnorm = step.actnorm();
                    frame = refine(steps, frame.scaled(data(model, actnorm + ".bias"), data(model, actnorm + ".logs")), maxUnit);
                    String invconv = step.invconv();
                    IntInvertibleConv conv = new IntInvertibleConv(data(model, invconv + ".perm"), data(model, invconv + ".sign"),
                            data(model, invconv + ".lower"), data(model, invconv + ".upper"), data(model, invconv + ".logs"), frame);
                    steps.add(conv);
                    frame = refine(steps, conv.output(), maxUnit);
                    steps.add(new IntCoupling(config.coupling(), networks.get(step), frame, parameters.scaleBits()));
                }
                levels.add(steps);
                if (level.splits()) {
                    splitPriors.add(scaledConv(model, level.prior()));
                    int half = frame.channels() / 2;
                    priorFrames.add(frame.channels(half, frame.channels()));
                    frame = frame.channels(0, half);
                    keptFrames.add(frame);
                }
            }
            priorFrames.add(frame); // last, the top latent's
            topMean = planes(data(model, GlowLayout.TOP_MEAN), frame.channels());
            topLogsd = planes(data(model, GlowLayout.TOP_LOGSD), frame.channels());
        }

        /** Appends a refinement of {@code frame} to {@code steps} where it refines something; the frame after it. */
        private static Frame refine(List<IntStep> steps, Frame frame, double maxUnit) {
            IntRefinement refinement = new IntRefinement(frame, maxUnit);
            if (!refinement.refines()) {
                return frame;
            }
            steps.add(refinement);
            return refinement.output();
        }

        @Override
        public void push(Message message, byte[] samples) {
            Uniform noise = Uniform.ofBits(noiseBits);
            LatentMap z = new LatentMap(config.channels(), config.height(), config.width());
            int n = 0;
            for (int c = 0; c < z.channels(); c++) {
                long[] plane = z.plane(c);
                for (int i = 0; i < plane.length; i++) {
                    plane[i] = ((long) (samples[n++] & 0xFF) << noiseBits) + noise.popInt(message);
                }
            }
            push(message, z);
        }

        @Override
        public byte[] pop(Message message, long offset) throws MalformedStreamException {
            LatentMap z = pop(message);
            Uniform noise = Uniform.ofBits(noiseBits);
            byte[] samples = new byte[samplesPerImage()];
            int n = samples.length;
            for (int c = z.channels() - 1; c >= 0; c--) {
                long[] plane = z.plane(c);
                for (int i = plane.length - 1; i >= 0; i--) {
                    long sample = plane[i] >> noiseBits;
                    if (sample < 0 || sample > 255) {
                        throw new MalformedStreamException(offset, "decoded sample " + sample + " outside 0..255: damaged data or another model");
                    }
                    noise.pushInt(message, (int) (plane[i] & ((1L << noiseBits) - 1)));
                    samples[--n] = (byte) sample;
                }
            }
            return samples;
        }

        private void push(Message message, LatentMap z) {
            for (int level = 0; level < levels.size(); level++) {
                z = z.squeeze();
                for (IntStep step : levels.get(level)) {
                    step.forward(message, z);
                }
                if (level < splitPriors.size()) {
                    int half = z.channels() / 2;
                    LatentMap kept = z.channels(0, half);
                    float[][][] meanAndLogsd = splitParameters(level, kept);
                    prior.push(message, z.channels(half, z.channels()), priorFrames.get(level), meanAndLogsd[0], meanAndLogsd[1]);
                    z = kept;
                }
            }
            prior.push(message, z, priorFrames.get(levels.size() - 1), topMean, topLogsd);
        }

        private LatentMap pop(Message message) {
            int side = 1 << levels.size();
            Frame top = priorFrames.get(levels.size() - 1);
            LatentMap z = new LatentMap(top.channels(), config.height() / side, config.width() / side);
            prior.pop(message, z, top, topMean, topLogsd);
            for (int level = levels.size() - 1; level >= 0; level--) {
                if (level < splitPriors.size()) {
                    LatentMap factored = new LatentMap(z.channels(), z.height(), z.width());
                    float[][][] meanAndLogsd = splitParameters(level, z);
                    prior.pop(message, factored, priorFrames.get(level), meanAndLogsd[0], meanAndLogsd[1]);
                    z = LatentMap.concat(z, factored);
                }
                List<IntStep> steps = levels.get(level);
                for (int s = steps.size() - 1; s >= 0; s--) {
                    steps.get(s).inverse(message, z);
                }
                z = z.unsqueeze();
            }
            return z;
        }

        /** Mean and log standard deviation of the factored-out half at {@code level}, given the kept half. */
        private float[][][] splitParameters(int level, LatentMap kept) {
            FeatureMap h = splitPriors.get(level).apply(kept.toFeatureMap(0, kept.channels(), keptFrames.get(level)));
            int width = h.channels() / 2;
            float[][] mean = new float[width][];
            float[][] logsd = new float[width][];
            for (int c = 0; c < width; c++) {
                mean[c] = h.plane(c);
                logsd[c] = h.plane(width + c);
            }
            return new float[][][] {mean, logsd};
        }
    }

    private static float[][] planes(float[] data, int channels) {
        int size = data.length / channels;
        float[][] planes = new float[channels][];
        for (int c = 0; c < channels; c++) {
            planes[c] = Arrays.copyOfRange(data, c * size, (c + 1) * size);
        }
        return planes;
    }

    private static float[] data(ModelFile model, String name) {
        return model.tensor(name).data();
    }

    private static Conv2d conv(ModelFile model, String prefix) {
        int[] shape = model.tensor(prefix + ".weight").shape();
        return new Conv2d(shape[1], shape[0], shape[2], data(model, prefix + ".weight"), data(model, prefix + ".bias"));
    }

    private static ScaledConv2d scaledConv(ModelFile model, String prefix) {
        return new ScaledConv2d(conv(model, prefix), data(model, prefix + ".logscale"));
    }
}
