package org.glowzip.codec.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.glowzip.codec.ans.BitsBack;
import org.glowzip.codec.ans.Codec;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.ans.Uniform;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.PriorPhases;
import org.glowzip.codec.nn.Conv2d;
import org.glowzip.codec.nn.CouplingNetwork;
import org.glowzip.codec.nn.FeatureMap;
import org.glowzip.codec.nn.ScaledConv2d;

/**
 * A trained Glow as an exactly invertible integer flow that codes model-shaped tiles
 * ({@code C x H x W} 8-bit samples, planar) onto a {@link Message}, in two ways.
 *
 * <p>The flow codes a dequantized tile {@code Y = 2^n * x + u}, integers in the tile's
 * {@link Frame}: at each level it squeezes and runs the K steps (actnorm and the 1x1
 * convolution's diagonal change the frame; its triangular factors and the coupling shifts add
 * rounded sums; coupling scales are {@link ModularScale}s; an {@link IntRefinement} pops more bits
 * wherever a unit has grown past the flow's resolution) and, below the last level, pushes the
 * factored-out half under its conditional prior; last it pushes what remains under the top prior.
 * Where the model's priors code in more than one phase ({@link PriorPhases}), each prior codes its
 * latent phase by phase, each phase given the ones before it ({@link ContextPrior}). Popping runs all of it backwards.
 *
 * <p>{@link #bitsBack()} is {@link BitsBack} over that flow: the posterior pops the noise
 * {@code u} ({@code n} = {@link CodingParameters#noiseBits()} bits a sample: uniform, or under
 * the model's variational posterior where its file has one, {@link VariationalNoise}), the flow
 * pushes {@code Y} at units refined to {@code 2^-fractionalBits}, and the likelihood of the tile
 * given {@code Y} is certain ({@code x = Y >> n}); popping pushes the noise back. A Glow
 * conditioned on its tile's border reads the {@link TileBorder} each tile is coded with; others
 * ignore it. On a message that
 * can lend the noise, a tile costs the model's negative log-likelihood of its dequantized value.
 * {@link #popFree()} is the same with no noise ({@code n = 0}) and coarse units
 * ({@code 2^-popFreeBits}): it fits the model less well but borrows nothing before the tile's own
 * pushes. Which way a tile is coded is not this class's choice.
 */
public final class IntGlow {
    private final GlowConfig config;
    private final byte[] fingerprint;
    private final CodingParameters parameters;
    private final boolean conditioned;
    private final Function<TileBorder, Codec<byte[]>> bitsBack;
    private final Function<TileBorder, Codec<byte[]>> popFree;

    /** @throws IllegalArgumentException if the model file does not hold its config's {@link GlowLayout} */
    public IntGlow(ModelFile model, CodingParameters parameters) {
        this.config = model.config();
        this.fingerprint = model.fingerprint();
        this.parameters = parameters;
        this.conditioned = GlowLayout.hasCondition(model);
        GlowLayout layout = new GlowLayout(config);
        String problem = layout.problem(model);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Map<GlowLayout.Step, CouplingNetwork> networks = new HashMap<>();
        for (GlowLayout.Level level : layout.levels()) {
            for (GlowLayout.Step step : level.steps()) {
                networks.put(step, network(model, step::couplingConv));
            }
        }
        int noiseBits = parameters.noiseBits();
        Function<byte[], TileNoise> noise = uniformNoise(noiseBits);
        if (GlowLayout.hasDequantizer(model)) {
            Optional<CouplingNetwork> checkerboard = GlowLayout.hasCheckerboardDequantizer(model)
                    ? Optional.of(network(model, GlowLayout::checkerboardConv))
                    : Optional.empty();
            VariationalNoise variational = new VariationalNoise(config, network(model, GlowLayout::dequantizerConv), checkerboard, noiseBits);
            noise = variational::of;
        }
        GaussianPrior gaussian = new GaussianPrior(parameters.priorPrecision());
        List<Integer> contexts = GlowLayout.priorPhases(model).contexts();
        List<ContextPrior> priors = new ArrayList<>();
        for (GlowLayout.Level level : layout.levels()) {
            SortedMap<Integer, CouplingNetwork> networksByQuarter = new TreeMap<>();
            for (int k : contexts) {
                networksByQuarter.put(k, network(model, n -> GlowLayout.contextConv(level.priorPrefix(), k, n)));
            }
            priors.add(new ContextPrior(gaussian, networksByQuarter));
        }
        this.bitsBack = dequantized(new Flow(model, layout, networks, priors, noiseBits, parameters.fractionalBits()), noiseBits, noise);
        this.popFree = dequantized(new Flow(model, layout, networks, priors, 0, parameters.popFreeBits()), 0, uniformNoise(0));
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

    /** Samples per model-shaped tile, {@code C * H * W}. */
    public int samplesPerTile() {
        return (int) config.dimensions();
    }

    /** Whether the flow reads the border its tiles are coded with ({@link GlowLayout}'s border condition). */
    public boolean conditioned() {
        return conditioned;
    }

    /**
     * Bits-back coding of a tile of planar samples whose border is {@code border}. Pushing throws
     * {@link ArithmeticException} when a latent leaves the range the prior codec covers (the
     * message is then unusable); popping throws {@link IllegalArgumentException} when the decoded
     * values are not 8-bit samples (damaged data or another model).
     */
    public Codec<byte[]> bitsBack(TileBorder border) {
        return bitsBack.apply(border);
    }

    /** Pop-free coding of a tile of planar samples whose border is {@code border}, with the exceptions of {@link #bitsBack}. */
    public Codec<byte[]> popFree(TileBorder border) {
        return popFree.apply(border);
    }

    /** The coupling-shaped network whose convolution {@code n} has the prefix {@code convName(n)}. */
    private static CouplingNetwork network(ModelFile model, IntFunction<String> convName) {
        return new CouplingNetwork(conv(model, convName.apply(1)), conv(model, convName.apply(2)), scaledConv(model, convName.apply(3)));
    }

    /** Noise of {@code noiseBits} uniform bits a sample, whatever the tile. */
    private static Function<byte[], TileNoise> uniformNoise(int noiseBits) {
        Uniform uniform = Uniform.ofBits(noiseBits);
        return samples -> new TileNoise() {
            @Override
            public void push(Message message, int[] u) {
                for (int n = u.length - 1; n >= 0; n--) {
                    uniform.pushInt(message, u[n]);
                }
            }

            @Override
            public int[] pop(Message message) {
                int[] u = new int[samples.length];
                for (int n = 0; n < u.length; n++) {
                    u[n] = uniform.popInt(message);
                }
                return u;
            }
        };
    }

    /** The flow over tiles dequantized with {@code noiseBits} bits a sample, coded as {@code noiseOf} the tile says, per border. */
    private Function<TileBorder, Codec<byte[]>> dequantized(Flow flow, int noiseBits, Function<byte[], TileNoise> noiseOf) {
        Function<byte[], Codec<LatentMap>> posterior = samples -> new Codec<>() {
            private final TileNoise noise = noiseOf.apply(samples);

            @Override
            public void push(Message message, LatentMap y) {
                int[] u = new int[samplesPerTile()];
                int n = 0;
                for (int c = 0; c < y.channels(); c++) {
                    for (long value : y.plane(c)) {
                        u[n++] = (int) (value & ((1L << noiseBits) - 1));
                    }
                }
                noise.push(message, u);
            }

            @Override
            public LatentMap pop(Message message) {
                LatentMap y = new LatentMap(config.channels(), config.height(), config.width());
                int[] u = noise.pop(message);
                int n = 0;
                for (int c = 0; c < y.channels(); c++) {
                    long[] plane = y.plane(c);
                    for (int i = 0; i < plane.length; i++) {
                        plane[i] = ((long) (samples[n] & 0xFF) << noiseBits) + u[n];
                        n++;
                    }
                }
                return y;
            }
        };
        Function<LatentMap, Codec<byte[]>> likelihood = y -> new Codec<>() {
            @Override
            public void push(Message message, byte[] samples) {
                // certain: the tile is the integer part of y, so it costs nothing
            }

            @Override
            public byte[] pop(Message message) {
                byte[] samples = new byte[samplesPerTile()];
                int n = 0;
                for (int c = 0; c < y.channels(); c++) {
                    for (long value : y.plane(c)) {
                        long sample = value >> noiseBits;
                        if (sample < 0 || sample > 255) {
                            throw new IllegalArgumentException("decoded sample " + sample + " outside 0..255: damaged data or another model");
                        }
                        samples[n++] = (byte) sample;
                    }
                }
                return samples;
            }
        };
        return border -> new BitsBack<>(flow.given(border), likelihood, posterior);
    }

    /** The steps, priors and frames of the flow for one image frame: given a tile's border, a codec of dequantized tiles. */
    private final class Flow {
        final List<List<IntStep>> levels = new ArrayList<>();
        /** The priors of the factored-out halves, then the top prior's. */
        final List<ContextPrior> priors;
        final List<ScaledConv2d> splitPriors = new ArrayList<>();
        final List<Optional<Conv2d>> splitConditions = new ArrayList<>();
        final Optional<Conv2d> topCondition;
        /** The planes an unconditioned flow passes its steps, which ignore them: computed once, not per tile. */
        final List<FeatureMap> noBorder;
        /** The frames of what each prior codes: the factored-out halves, then the top latent. */
        final List<Frame> priorFrames = new ArrayList<>();
        final List<Frame> keptFrames = new ArrayList<>();
        final PriorParameters top;

        /**
         * @param priors         each level's prior: its split's, or at the last level the top prior
         * @param noiseBits      dequantization noise bits per sample
         * @param resolutionBits units are refined to at most {@code 2^-resolutionBits} before
         *                       each 1x1 convolution and each coupling
         */
        Flow(ModelFile model, GlowLayout layout, Map<GlowLayout.Step, CouplingNetwork> networks, List<ContextPrior> priors, int noiseBits,
                int resolutionBits) {
            this.priors = priors;
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
                    steps.add(new IntCoupling(config.coupling(), networks.get(step), condition(model, step.coupling()), frame,
                            parameters.scaleBits()));
                }
                levels.add(steps);
                if (level.splits()) {
                    splitPriors.add(scaledConv(model, level.prior()));
                    splitConditions.add(condition(model, level.prior()));
                    int half = frame.channels() / 2;
                    priorFrames.add(frame.channels(half, frame.channels()));
                    frame = frame.channels(0, half);
                    keptFrames.add(frame);
                }
            }
            priorFrames.add(frame); // last, the top latent's
            top = new PriorParameters(planes(data(model, GlowLayout.TOP_MEAN), frame.channels()),
                    planes(data(model, GlowLayout.TOP_LOGSD), frame.channels()));
            topCondition = condition(model, GlowLayout.TOP);
            noBorder = borderPlanes(TileBorder.none(config.channels(), config.height(), config.width()));
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

        /** The border's planes at every level. */
        private List<FeatureMap> borderPlanes(TileBorder border) {
            List<FeatureMap> planes = new ArrayList<>();
            for (int level = 0; level < levels.size(); level++) {
                planes.add(border.planes(2 << level));
            }
            return planes;
        }

        /** The flow as a codec of the dequantized tiles whose border is {@code border} (read only by a conditioned Glow). */
        Codec<LatentMap> given(TileBorder border) {
            List<FeatureMap> planes = conditioned ? borderPlanes(border) : noBorder;
            return new Codec<>() {
                @Override
                public void push(Message message, LatentMap z) {
                    Flow.this.push(message, z, planes);
                }

                @Override
                public LatentMap pop(Message message) {
                    return Flow.this.pop(message, planes);
                }
            };
        }

        private void push(Message message, LatentMap z, List<FeatureMap> planes) {
            for (int level = 0; level < levels.size(); level++) {
                z = z.squeeze();
                for (IntStep step : levels.get(level)) {
                    step.forward(message, z, planes.get(level));
                }
                if (level < splitPriors.size()) {
                    int half = z.channels() / 2;
                    LatentMap kept = z.channels(0, half);
                    FeatureMap keptMap = kept.toFeatureMap(0, half, keptFrames.get(level));
                    priors.get(level).push(message, Optional.of(keptMap), z.channels(half, z.channels()), priorFrames.get(level),
                            splitParameters(level, keptMap, planes.get(level)));
                    z = kept;
                }
            }
            int last = levels.size() - 1;
            priors.get(last).push(message, Optional.empty(), z, priorFrames.get(last), topParameters(planes.get(last)));
        }

        private LatentMap pop(Message message, List<FeatureMap> planes) {
            int side = 1 << levels.size();
            Frame topFrame = priorFrames.get(levels.size() - 1);
            LatentMap z = new LatentMap(topFrame.channels(), config.height() / side, config.width() / side);
            priors.get(levels.size() - 1).pop(message, Optional.empty(), z, topFrame, topParameters(planes.get(levels.size() - 1)));
            for (int level = levels.size() - 1; level >= 0; level--) {
                if (level < splitPriors.size()) {
                    LatentMap factored = new LatentMap(z.channels(), z.height(), z.width());
                    FeatureMap keptMap = z.toFeatureMap(0, z.channels(), keptFrames.get(level));
                    priors.get(level).pop(message, Optional.of(keptMap), factored, priorFrames.get(level),
                            splitParameters(level, keptMap, planes.get(level)));
                    z = LatentMap.concat(z, factored);
                }
                List<IntStep> steps = levels.get(level);
                for (int s = steps.size() - 1; s >= 0; s--) {
                    steps.get(s).inverse(message, z, planes.get(level));
                }
                z = z.unsqueeze();
            }
            return z;
        }

        /** The top latent's prior: the top prior's, plus the border condition's where there is one. */
        private PriorParameters topParameters(FeatureMap border) {
            return topCondition.map(conv -> top.plus(conv.apply(border))).orElse(top);
        }

        /** The prior of the factored-out half at {@code level}, given the kept half as the networks read it. */
        private PriorParameters splitParameters(int level, FeatureMap input, FeatureMap border) {
            ScaledConv2d splitPrior = splitPriors.get(level);
            return PriorParameters.of(splitConditions.get(level).map(conv -> splitPrior.apply(input, conv.apply(border)))
                    .orElseGet(() -> splitPrior.apply(input)));
        }
    }

    /** The border condition's convolution of the layer named {@code prefix}, where the model is conditioned. */
    private Optional<Conv2d> condition(ModelFile model, String prefix) {
        if (!conditioned) {
            return Optional.empty();
        }
        int[] shape = model.tensor(GlowLayout.conditionWeight(prefix)).shape();
        return Optional.of(new Conv2d(shape[1], shape[0], shape[2], data(model, GlowLayout.conditionWeight(prefix)), new float[shape[0]]));
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
