package org.glowzip.codec.modelfile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The tensors of the Glow of a {@link GlowConfig}: their names and shapes, level by level, and the
 * constants of what they mean. The one definition that the float Glow (the {@code model} module),
 * the integer Glow, the model file checks and the test helpers share.
 *
 * <p>Level {@code i} squeezes its input (channels x4, height and width /2), then runs K steps named
 * {@code level<i>.step<k>}, each of
 * <ul>
 *   <li>{@code .actnorm.{bias,logs}} [C]: {@code y[c] = (x[c] + bias[c]) * exp(logs[c])};
 *   <li>{@code .invconv.{perm,sign,logs}} [C] and {@code .invconv.{lower,upper}} [C, C]:
 *       {@code y = P L (U + diag(sign * exp(logs))) x} per pixel, {@code P[perm[i]][i] = 1}, L the
 *       unit diagonal plus the strict lower triangle of {@code lower}, U the strict upper triangle
 *       of {@code upper};
 *   <li>{@code .coupling.conv1} (3x3, C/2 to hidden), {@code .conv2} (1x1, hidden to hidden) and
 *       {@code .conv3} (3x3, hidden to O, with {@code .logscale} [O]), each {@code .weight}
 *       [out, in, k, k] and {@code .bias} [out]: the first C/2 channels pass,
 *       {@code h = conv3(relu(conv2(relu(conv1(x_a)))))} times {@code exp(3 * logscale)}; affine
 *       (O = 2 (C - C/2)): {@code y_b = (x_b + t) * sigmoid(s + }{@value #COUPLING_SCALE_OFFSET}{@code )}
 *       with t and s the first and second blocks of C - C/2 channels of h; additive (O = C - C/2):
 *       {@code y_b = x_b + h}; mixture (O = (2 + 3M)(C - C/2), M = {@value #MIXTURE_COMPONENTS}):
 *       blocks t, s, then M weight logits {@code w_k}, M means {@code m_k} and M log-scales
 *       {@code l_k}, and {@code y_b = logit(F(x_b + t)) * sigmoid(s + }{@value #COUPLING_SCALE_OFFSET}{@code )}
 *       with {@code F(z) = sum_k softmax(w)_k sigmoid((z - m_k) exp(-max(l_k, }{@value #MIXTURE_MIN_LOG_SCALE}{@code )))}.
 *       Where all {@code m_k} and {@code l_k} are 0, {@code logit(F(z)) = z}: the affine coupling.
 * </ul>
 * Below the last level, {@code level<i>.prior.{weight,bias,logscale}} (3x3, C/2 to 2 (C - C/2),
 * scaled like conv3) maps the kept half to the mean (its first half of output channels) and the
 * log standard deviation (the second) of the factored-out half under {@code N(mean, exp(logsd)^2)}. The last level's output is scored by {@code top.{mean,logsd}} [1, C, H, W].
 * Convolutions have stride 1 and zero "same" padding; the squeeze sends channel c at row offset i
 * and column offset j to channel {@code 4c + 2i + j}.
 *
 * <p>A Glow trained with variational dequantization also has {@code dequantizer.conv1..3}, shaped
 * like a coupling network from C channels to 2C: of the 8-bit image {@code p}, scaled to
 * {@code (p + 0.5) / 256 - 0.5}, it gives per sample a location {@code mu} (first C output
 * channels) and a log-scale {@code ls} (last C) of the dequantization noise
 * {@code u = sigmoid(mu + exp(ls) * L)}, L standard logistic: {@code q(u | p)}, the bits-back
 * posterior. A model file without them was trained with uniform noise ({@code mu = ls = 0} is the
 * uniform distribution). A checkerboard posterior also has {@code dequantizer.checkerboard.conv1..3},
 * the same network from 2C channels to 2C: the first network's noise is kept on the samples whose
 * row plus column is even (all channels), and the second gives the location and log-scale of the
 * others from the scaled image (first C input channels) and that kept noise, {@code u - 0.5} where
 * kept and 0 elsewhere (last C): {@code q(u | p) = q(u_even | p) q(u_odd | p, u_even)}.
 *
 * <p>A Glow conditioned on the decoded samples next to its tile also has {@code .condition.weight}
 * tensors, 3x3 convolutions without bias from the {@value #CONDITION_PLANES_BEYOND_CHANNELS}
 * {@code + 2C} planes of a tile border at each level's resolution ({@code TileBorder} in the codec's
 * flow package: the row above and the column left of the tile, their availability, the position):
 * {@code <step>.coupling.condition} [hidden, P, 3, 3] adds to the coupling network's first
 * convolution before its ReLU; {@code level<i>.prior.condition} [2 (C - C/2), P, 3, 3] adds to the
 * split prior's convolution before its scaling; {@code top.condition} [2C, P, 3, 3] adds its first C
 * channels to {@code top.mean} and its last C to {@code top.logsd}. All zero is the unconditioned
 * Glow.
 *
 * <p>A Glow whose priors code in more than one phase ({@link PriorPhases}) also has, for each
 * prior (the split priors {@code level<i>.prior} and the top prior {@code top}) and each of its
 * phases' contexts {@code k}, {@code <prior>.context<k>.conv1..3} (context 2, the checkerboard's,
 * which came first, is {@code <prior>.context.conv1..3}), a coupling-shaped network from the
 * level's C channels to twice the channels the prior scores (C - C/2 at a split, C at the top). Its
 * input is the level's output with the prior's latent zeroed on quarter {@code k} and the later
 * ones (the split's kept half, then its factored-out half; at the top, the latent); its output adds
 * to the mean (first half) and the log standard deviation (second half) of the prior's latent on
 * quarter {@code k} and the later ones. With two phases,
 * {@code p(z) = p(z_even | kept) p(z_odd | kept, z_even)}. All zero is the Glow without contexts.
 */
public final class GlowLayout {
    /** Added to the affine coupling's scale logits before the sigmoid, so that a fresh coupling scales by about 0.88. */
    public static final double COUPLING_SCALE_OFFSET = 2;
    /** Logistic components of a mixture coupling's curve. */
    public static final int MIXTURE_COMPONENTS = 4;
    /**
     * The smallest log-scale of a mixture coupling's component: the curve's slope is at most
     * {@code exp(-this)}, since the variance of a mixture of Bernoulli variables is at least the
     * mean of their variances.
     */
    public static final double MIXTURE_MIN_LOG_SCALE = -7;
    /** The prefix of the top prior's tensors. */
    public static final String TOP = "top";
    public static final String TOP_MEAN = TOP + ".mean";
    public static final String TOP_LOGSD = TOP + ".logsd";
    /** The prefix of the variational dequantizer's tensors. */
    public static final String DEQUANTIZER = "dequantizer";
    /** The suffix of a tensor prefix that names its border condition's convolution. */
    public static final String CONDITION = ".condition";
    /** Planes of a tile border beyond the two per image channel: two availability masks and two positions. */
    public static final int CONDITION_PLANES_BEYOND_CHANNELS = 4;

    private final GlowConfig config;
    private final List<Level> levels;
    private final Map<String, int[]> tensors = new LinkedHashMap<>();
    private final Map<String, int[]> dequantizerTensors = new LinkedHashMap<>();
    private final Map<String, int[]> checkerboardTensors = new LinkedHashMap<>();
    private final Map<String, int[]> conditionTensors = new LinkedHashMap<>();
    private final Map<Integer, Map<String, int[]>> contextTensors = new LinkedHashMap<>();

    public GlowLayout(GlowConfig config) {
        this.config = config;
        List<Level> built = new ArrayList<>();
        int channels = config.channels();
        int height = config.height();
        int width = config.width();
        int hidden = config.hiddenWidth();
        for (int level = 0; level < config.levels(); level++) {
            channels *= 4;
            height /= 2;
            width /= 2;
            int half = channels / 2;
            int outputs = config.coupling().outputsPerChannel() * (channels - half);
            List<Step> steps = new ArrayList<>();
            for (int step = 0; step < config.steps(); step++) {
                Step s = Step.at(level, step);
                steps.add(s);
                tensors.put(s.actnorm() + ".bias", new int[] {channels});
                tensors.put(s.actnorm() + ".logs", new int[] {channels});
                tensors.put(s.invconv() + ".perm", new int[] {channels});
                tensors.put(s.invconv() + ".sign", new int[] {channels});
                tensors.put(s.invconv() + ".lower", new int[] {channels, channels});
                tensors.put(s.invconv() + ".upper", new int[] {channels, channels});
                tensors.put(s.invconv() + ".logs", new int[] {channels});
                addNetwork(tensors, s::couplingConv, half, hidden, outputs);
                addCondition(s.coupling(), hidden);
            }
            boolean split = level < config.levels() - 1;
            String prior = split ? "level" + level + ".prior" : null;
            if (split) {
                addConv(tensors, prior, 2 * (channels - half), half, 3, true);
                addCondition(prior, 2 * (channels - half));
                addContexts(prior, channels, 2 * (channels - half));
            }
            built.add(new Level(channels, height, width, Collections.unmodifiableList(steps), prior));
            if (split) {
                channels = half;
            }
        }
        tensors.put(TOP_MEAN, new int[] {1, channels, height, width});
        tensors.put(TOP_LOGSD, new int[] {1, channels, height, width});
        addCondition(TOP, 2 * channels);
        addContexts(TOP, channels, 2 * channels);
        this.levels = Collections.unmodifiableList(built);
        addNetwork(dequantizerTensors, GlowLayout::dequantizerConv, config.channels(), hidden, 2 * config.channels());
        addNetwork(checkerboardTensors, GlowLayout::checkerboardConv, 2 * config.channels(), hidden, 2 * config.channels());
    }

    /** The prefix of the variational dequantizer's convolution {@code n}, 1 to 3. */
    public static String dequantizerConv(int n) {
        return DEQUANTIZER + ".conv" + n;
    }

    /** The prefix of the checkerboard posterior's second network's convolution {@code n}, 1 to 3. */
    public static String checkerboardConv(int n) {
        return DEQUANTIZER + ".checkerboard.conv" + n;
    }

    /**
     * The prefix of convolution {@code n}, 1 to 3, of context {@code k} (see {@link PriorPhases}) of
     * the prior whose tensors start with {@code prior}.
     */
    public static String contextConv(String prior, int k, int n) {
        return prior + ".context" + (k == 2 ? "" : k) + ".conv" + n;
    }

    /** Planes of a tile border at every level: the row above and the column left per image channel, and 4 more. */
    public int conditionPlanes() {
        return 2 * config.channels() + CONDITION_PLANES_BEYOND_CHANNELS;
    }

    /** The name of the border condition's weights of the layer named {@code prefix}. */
    public static String conditionWeight(String prefix) {
        return prefix + CONDITION + ".weight";
    }

    /** One level: its channels, height and width after the squeeze, its steps, and its split prior. */
    public record Level(int channels, int height, int width, List<Step> steps, String prior) {
        /** True if this level factors out half of its channels (every level but the last). */
        public boolean splits() {
            return prior != null;
        }

        /** The prefix of the tensors of this level's prior: its split prior's, or at the last level the top prior's. */
        public String priorPrefix() {
            return splits() ? prior : TOP;
        }

        /** The channels this level's prior scores: the factored-out half, or at the last level all of them. */
        public int latentChannels() {
            return splits() ? channels - channels / 2 : channels;
        }
    }

    /** The tensor name prefixes of one step of flow. */
    public record Step(String prefix) {
        /** Step {@code step} of level {@code level}. */
        public static Step at(int level, int step) {
            return new Step("level" + level + ".step" + step);
        }

        public String actnorm() {
            return prefix + ".actnorm";
        }

        public String invconv() {
            return prefix + ".invconv";
        }

        public String coupling() {
            return prefix + ".coupling";
        }

        /** The prefix of the coupling network's convolution {@code n}, 1 to 3. */
        public String couplingConv(int n) {
            return coupling() + ".conv" + n;
        }
    }

    public GlowConfig config() {
        return config;
    }

    public List<Level> levels() {
        return levels;
    }

    /** Every tensor's name and shape, in the order of the flow. */
    public Map<String, int[]> tensors() {
        return copyOf(tensors);
    }

    private static Map<String, int[]> copyOf(Map<String, int[]> shapes) {
        Map<String, int[]> copy = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> copy.put(name, shape.clone()));
        return copy;
    }

    /** The checkerboard posterior's second network's tensors' names and shapes (see the class comment). */
    public Map<String, int[]> checkerboardTensors() {
        return copyOf(checkerboardTensors);
    }

    /** The variational dequantizer's tensors' names and shapes (see the class comment). */
    public Map<String, int[]> dequantizerTensors() {
        return copyOf(dequantizerTensors);
    }

    /** The border condition's tensors' names and shapes (see the class comment). */
    public Map<String, int[]> conditionTensors() {
        return copyOf(conditionTensors);
    }

    /** The tensors' names and shapes of the priors' contexts of {@code phases} (see the class comment). */
    public Map<String, int[]> contextTensors(PriorPhases phases) {
        Map<String, int[]> all = new LinkedHashMap<>();
        phases.contexts().forEach(k -> all.putAll(copyOf(contextTensors.get(k))));
        return all;
    }

    /**
     * The multiply-adds of one pass of the flow (forward or inverse), per sample of the image:
     * each step's 1x1 convolution (C x C) and coupling network, and each split's prior, at its
     * level's pixels; actnorm, the couplings' elementwise parts and the priors' densities are left
     * out. The integer coder runs one pass per tile it codes with the Glow, and one per trial.
     */
    public double multiplyAddsPerSample() {
        double total = 0;
        for (Level level : levels) {
            int half = level.channels() / 2;
            int outputs = config.coupling().outputsPerChannel() * (level.channels() - half);
            long perPixel = (long) config.steps() * ((long) level.channels() * level.channels() + networkMultiplyAdds(half, outputs));
            if (level.splits()) {
                perPixel += 9L * half * 2 * (level.channels() - half);
            }
            total += (double) perPixel * level.height() * level.width();
        }
        return total / samples();
    }

    /**
     * The multiply-adds of the border condition's convolutions per sample of the image, beyond
     * {@link #multiplyAddsPerSample()}, for a Glow that has them.
     */
    public double conditionMultiplyAddsPerSample() {
        long planes = conditionPlanes();
        double total = 0;
        for (Level level : levels) {
            long outputs = (long) config.steps() * config.hiddenWidth();
            outputs += 2L * level.latentChannels();
            total += (double) 9 * planes * outputs * level.height() * level.width();
        }
        return total / samples();
    }

    /** The multiply-adds of the variational dequantizer's network per sample of the image (see the class comment). */
    public double dequantizerMultiplyAddsPerSample() {
        return (double) networkMultiplyAdds(config.channels(), 2 * config.channels()) * config.height() * config.width() / samples();
    }

    /** The multiply-adds of the checkerboard posterior's second network per sample of the image. */
    public double checkerboardMultiplyAddsPerSample() {
        return (double) networkMultiplyAdds(2 * config.channels(), 2 * config.channels()) * config.height() * config.width() / samples();
    }

    /** The multiply-adds of the priors' contexts per sample of the image, for a Glow whose priors code in {@code phases}. */
    public double contextMultiplyAddsPerSample(PriorPhases phases) {
        double total = 0;
        for (Level level : levels) {
            total += (double) networkMultiplyAdds(level.channels(), 2 * level.latentChannels()) * level.height() * level.width();
        }
        return total * phases.contexts().size() / samples();
    }

    private long networkMultiplyAdds(int in, int out) {
        long hidden = config.hiddenWidth();
        return 9 * in * hidden + hidden * hidden + 9 * hidden * out;
    }

    private long samples() {
        return (long) config.channels() * config.height() * config.width();
    }

    /** Whether {@code model} holds a Glow conditioned on its tile's border (it has the first coupling's condition). */
    public static boolean hasCondition(ModelFile model) {
        return model.tensors().containsKey(conditionWeight(Step.at(0, 0).coupling()));
    }

    /** Whether {@code model} holds a variational dequantizer (it has the tensor that starts one). */
    public static boolean hasDequantizer(ModelFile model) {
        return model.tensors().containsKey(dequantizerConv(1) + ".weight");
    }

    /** Whether {@code model}'s dequantizer is a checkerboard posterior (it has the tensor that starts the second network). */
    public static boolean hasCheckerboardDequantizer(ModelFile model) {
        return model.tensors().containsKey(checkerboardConv(1) + ".weight");
    }

    /** The phases in which {@code model}'s priors code (it has the tensors that start the top prior's contexts). */
    public static PriorPhases priorPhases(ModelFile model) {
        if (model.tensors().containsKey(contextConv(TOP, 1, 1) + ".weight")) {
            return PriorPhases.QUARTERS;
        }
        return model.tensors().containsKey(contextConv(TOP, 2, 1) + ".weight") ? PriorPhases.CHECKERBOARD : PriorPhases.SINGLE;
    }

    /**
     * What keeps {@code model}'s tensors from holding this layout's flow, or {@code null}: a
     * missing tensor or one of another shape, of the Glow or, where it has them, of its
     * dequantizer, border condition or priors' contexts.
     */
    public String problem(ModelFile model) {
        String problem = problem(model, tensors, "the Glow");
        if (problem == null && (hasDequantizer(model) || hasCheckerboardDequantizer(model))) {
            problem = problem(model, dequantizerTensors, "the dequantizer");
        }
        if (problem == null && hasCheckerboardDequantizer(model)) {
            problem = problem(model, checkerboardTensors, "the checkerboard posterior");
        }
        if (problem == null) {
            problem = problem(model, contextTensors(priorPhases(model)), "the priors' contexts");
        }
        return problem == null && hasCondition(model) ? problem(model, conditionTensors, "the border condition") : problem;
    }

    private static String problem(ModelFile model, Map<String, int[]> expected, String what) {
        for (Map.Entry<String, int[]> entry : expected.entrySet()) {
            NamedTensor tensor = model.tensors().get(entry.getKey());
            if (tensor == null) {
                return "model file has no tensor " + entry.getKey();
            }
            if (!Arrays.equals(tensor.shape(), entry.getValue())) {
                return "tensor " + entry.getKey() + " has shape " + Arrays.toString(tensor.shape()) + ", " + what + " needs "
                        + Arrays.toString(entry.getValue());
            }
        }
        return null;
    }

    /** A coupling-shaped network (conv3x3, conv1x1, scaled conv3x3) from {@code in} to {@code out} channels. */
    private static void addNetwork(Map<String, int[]> into, IntFunction<String> convName, int in, int hidden, int out) {
        addConv(into, convName.apply(1), hidden, in, 3, false);
        addConv(into, convName.apply(2), hidden, hidden, 1, false);
        addConv(into, convName.apply(3), out, hidden, 3, true);
    }

    private void addContexts(String prior, int channels, int out) {
        for (int k : PriorPhases.QUARTERS.contexts()) {
            addNetwork(contextTensors.computeIfAbsent(k, key -> new LinkedHashMap<>()), n -> contextConv(prior, k, n), channels,
                    config.hiddenWidth(), out);
        }
    }

    private void addCondition(String prefix, int out) {
        conditionTensors.put(conditionWeight(prefix), new int[] {out, conditionPlanes(), 3, 3});
    }

    private static void addConv(Map<String, int[]> into, String prefix, int out, int in, int kernel, boolean scaled) {
        into.put(prefix + ".weight", new int[] {out, in, kernel, kernel});
        into.put(prefix + ".bias", new int[] {out});
        if (scaled) {
            into.put(prefix + ".logscale", new int[] {out});
        }
    }
}
