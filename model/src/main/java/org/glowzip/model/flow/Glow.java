package org.glowzip.model.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.modelfile.PriorPhases;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The multi-scale Glow flow (Kingma and Dhariwal 2018) on inputs {@code [N, C, H, W]} scaled to
 * [-0.5, 0.5). Level {@code i} squeezes, applies K {@link FlowStep}s and, below the last level,
 * factors out half its channels under a {@link SplitPrior}; the last level's output is scored by
 * the {@link TopPrior}. Parameter names and shapes are those of {@link GlowLayout}, checked on construction.
 * A conditioned Glow's couplings and priors also read its tiles' {@link BorderPlanes}; methods
 * without them code tiles with neither neighbour. A Glow whose {@link GlowFeatures#priorPhases} are more
 * than one has a {@link PriorContext} in each prior.
 */
public final class Glow {
    private static final double LN2 = Math.log(2);

    private final GlowConfig config;
    private final GlowFeatures features;
    private final GlowLayout layout;
    private final DataType dataType;
    private final List<List<FlowStep>> levels = new ArrayList<>();
    private final List<SplitPrior> splits = new ArrayList<>();
    private final TopPrior top;
    private long batch;
    private BorderPlanes noBorders;

    /** A freshly initialized flow; {@code seed} fixes every random initial value. */
    public Glow(GlowConfig config, DataType dataType, long seed) {
        this(config, GlowFeatures.NONE, dataType, seed);
    }

    /** A freshly initialized flow with {@code features}; the conditions and contexts start at zero. */
    public Glow(GlowConfig config, GlowFeatures features, DataType dataType, long seed) {
        this.config = config;
        this.features = features;
        this.dataType = dataType;
        this.layout = new GlowLayout(config);
        Random random = new Random(seed);
        int borderPlanes = features.conditioned() ? layout.conditionPlanes() : 0;
        GlowLayout.Level last = null;
        for (GlowLayout.Level level : layout.levels()) {
            List<FlowStep> steps = new ArrayList<>();
            for (GlowLayout.Step step : level.steps()) {
                steps.add(new FlowStep(step, level.channels(), config.hiddenWidth(), config.coupling(), borderPlanes, dataType, random));
            }
            levels.add(steps);
            if (level.splits()) {
                splits.add(new SplitPrior(level.prior(), level.channels(), borderPlanes, context(level, random), dataType));
            }
            last = level;
        }
        this.top = new TopPrior(GlowLayout.TOP, last.channels(), last.height(), last.width(), borderPlanes,
                context(last, random), dataType);
        requireLayout();
    }

    /** The context of {@code level}'s prior, where this Glow has contexts. */
    private Optional<PriorContext> context(GlowLayout.Level level, Random random) {
        return features.priorPhases() == PriorPhases.SINGLE ? Optional.empty()
                : Optional.of(new PriorContext(level.priorPrefix(), features.priorPhases(), level.channels(), level.latentChannels(),
                        config.hiddenWidth(), dataType, random));
    }

    /** Checks that the parameters are the layout's tensors, so that what this flow trains is what the codec reads. */
    private void requireLayout() {
        Map<String, int[]> expected = layout.tensors();
        if (features.conditioned()) {
            expected.putAll(layout.conditionTensors());
        }
        expected.putAll(layout.contextTensors(features.priorPhases()));
        Map<String, int[]> actual = new LinkedHashMap<>();
        for (Parameter parameter : parameters()) {
            actual.put(parameter.name(), Arrays.stream(parameter.value().shape()).mapToInt(Math::toIntExact).toArray());
        }
        boolean same = expected.size() == actual.size() && expected.entrySet().stream()
                .allMatch(e -> actual.containsKey(e.getKey()) && Arrays.equals(e.getValue(), actual.get(e.getKey())));
        if (!same) {
            throw new IllegalStateException("the float Glow's parameters differ from its GlowLayout: " + actual.keySet());
        }
    }

    public GlowConfig config() {
        return config;
    }

    public GlowFeatures features() {
        return features;
    }

    /** Whether the couplings and priors read the tiles' border planes. */
    public boolean conditioned() {
        return features.conditioned();
    }

    public DataType dataType() {
        return dataType;
    }

    /** Input dimensions per image, C x H x W. */
    public long dimensions() {
        return config.dimensions();
    }

    /** Every parameter, in a fixed order. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (int level = 0; level < levels.size(); level++) {
            for (FlowStep step : levels.get(level)) {
                all.addAll(step.parameters());
            }
            if (level < splits.size()) {
                all.addAll(splits.get(level).parameters());
            }
        }
        all.addAll(top.parameters());
        return Collections.unmodifiableList(all);
    }

    /** The steps of every level, in forward order. */
    public List<FlowStep> steps() {
        List<FlowStep> all = new ArrayList<>();
        levels.forEach(all::addAll);
        return all;
    }

    /** {@link #forward(INDArray, BorderPlanes)} of tiles with neither neighbour. */
    public Encoding forward(INDArray x) {
        return forward(x, noBorders((int) x.size(0)));
    }

    /** Maps {@code x} with its tiles' border planes to its latents, log-determinant and prior log-density; remembers what {@link #backward} needs. */
    public Encoding forward(INDArray x, BorderPlanes border) {
        batch = x.size(0);
        INDArray logDet = Nd4j.zeros(dataType, batch);
        INDArray logPrior = Nd4j.zeros(dataType, batch);
        List<INDArray> latents = new ArrayList<>();
        INDArray h = x;
        for (int level = 0; level < levels.size(); level++) {
            h = Tensors.squeeze(h);
            for (FlowStep step : levels.get(level)) {
                h = step.forward(h, logDet, border.level(level));
            }
            if (level < splits.size()) {
                SplitPrior split = splits.get(level);
                INDArray z1 = split.kept(h);
                INDArray z2 = split.factored(h);
                logPrior.addi(split.logDensity(z1, z2, border.level(level)));
                latents.add(z2);
                h = z1;
            } else {
                logPrior.addi(top.logDensity(h, border.level(level)));
                latents.add(h);
            }
        }
        return new Encoding(latents, logDet, logPrior);
    }

    /**
     * Bits per dimension of 8-bit images whose dequantized, scaled values gave {@code encoding}:
     * {@code -(logPrior + logDet) / (D ln 2) + 8} per image, the 8 undoing the 1/256 scaling.
     */
    public INDArray bitsPerDimension(Encoding encoding) {
        return encoding.logPrior().add(encoding.logDet()).muli(-1.0 / (dimensions() * LN2)).addi(8.0);
    }

    /**
     * The variational bound in bits per dimension, {@link #bitsPerDimension(Encoding)} plus
     * {@code log q(u | p) / (D ln 2)}, where {@code logQ} [N] is the log-density (nats) of each
     * image's dequantization noise (see {@link Dequantization}).
     */
    public INDArray bitsPerDimension(Encoding encoding, INDArray logQ) {
        return bitsPerDimension(encoding).addi(logQ.mul(1.0 / (dimensions() * LN2)));
    }

    /** The weight of each image's {@code log q(u | p)} in the mean bound that {@link #backward} differentiates. */
    public double logQWeight() {
        return 1.0 / (batch * dimensions() * LN2);
    }

    /**
     * Backpropagates the mean bits per dimension of the last forward batch: stores every parameter
     * gradient and returns dLoss/dx.
     */
    public INDArray backward() {
        double weight = -1.0 / (batch * dimensions() * LN2);
        INDArray grad = null;
        for (int level = levels.size() - 1; level >= 0; level--) {
            if (level == levels.size() - 1) {
                grad = top.backward(weight);
            } else {
                grad = splits.get(level).backward(grad, weight);
            }
            List<FlowStep> steps = levels.get(level);
            for (int k = steps.size() - 1; k >= 0; k--) {
                grad = steps.get(k).backward(grad, weight);
            }
            grad = Tensors.unsqueeze(grad);
        }
        return grad;
    }

    /** The input whose latents are {@code latents}: the inverse of {@link #forward}, clamped as {@code inversion} says. */
    public INDArray reverse(List<INDArray> latents, Inversion inversion) {
        INDArray h = latents.get(levels.size() - 1);
        BorderPlanes border = noBorders((int) h.size(0));
        for (int level = levels.size() - 1; level >= 0; level--) {
            if (level < splits.size()) {
                h = Tensors.concatChannels(h, latents.get(level));
            }
            h = reverseSteps(level, h, border, inversion);
        }
        return h;
    }

    /**
     * Decodes standard-normal noise {@code eps} (shaped like the latents) scaled by {@code temperature}:
     * each level's latent is {@code mean + temperature * sd * eps} under its prior; the flow is
     * inverted as {@code inversion} says. The tiles have neither neighbour.
     */
    public INDArray sample(List<INDArray> eps, double temperature, Inversion inversion) {
        int last = levels.size() - 1;
        BorderPlanes border = noBorders((int) eps.get(last).size(0));
        INDArray h = top.sample(eps.get(last), temperature, border.level(last));
        for (int level = last; level >= 0; level--) {
            if (level < splits.size()) {
                h = splits.get(level).join(h, eps.get(level), temperature, border.level(level));
            }
            h = reverseSteps(level, h, border, inversion);
        }
        return h;
    }

    /** Standard-normal noise of the latents' shapes for {@code n} images. */
    public List<INDArray> noise(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        List<INDArray> eps = new ArrayList<>();
        for (long[] shape : latentShapes(n)) {
            eps.add(Nd4j.randn(dataType, shape));
        }
        return eps;
    }

    /** The shapes of the latents of {@code n} images, level by level: the factored-out half, or all of the last level. */
    public List<long[]> latentShapes(int n) {
        List<long[]> shapes = new ArrayList<>();
        for (GlowLayout.Level level : layout.levels()) {
            shapes.add(new long[] {n, level.latentChannels(), level.height(), level.width()});
        }
        return shapes;
    }

    /** The border planes of {@code count} tiles with neither neighbour, kept (outside the step's workspace) for the next batch of that size. */
    private BorderPlanes noBorders(int count) {
        if (noBorders == null || noBorders.count() != count) {
            noBorders = BorderPlanes.none(count, config, dataType).detach();
        }
        return noBorders;
    }

    private INDArray reverseSteps(int level, INDArray h, BorderPlanes border, Inversion inversion) {
        List<FlowStep> steps = levels.get(level);
        for (int k = steps.size() - 1; k >= 0; k--) {
            h = steps.get(k).reverse(h, border.level(level), inversion);
        }
        return Tensors.unsqueeze(h);
    }

    /** Whether every actnorm layer has been initialized (from data or from a loaded model). */
    public boolean initialized() {
        return steps().stream().allMatch(step -> step.actNorm().initialized());
    }

    /** Marks actnorm as initialized and rebuilds derived state after parameters were assigned from a file. */
    public void afterLoad() {
        for (FlowStep step : steps()) {
            step.actNorm().markInitialized();
            step.invConv().refreshPermutation();
        }
    }
}
