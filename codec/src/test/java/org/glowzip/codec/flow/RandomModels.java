package org.glowzip.codec.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.glowzip.codec.context.ContextFeatures;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.context.NeighbourhoodFeatures;
import org.glowzip.codec.context.ResidualFeatures;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.modelfile.PriorPhases;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.ModelFileWriter;
import org.glowzip.codec.modelfile.NamedTensor;

/**
 * Glow model files with random weights of a trained model's magnitude, for tests of the coder;
 * optionally with a random context model.
 */
public final class RandomModels {
    private RandomModels() {
    }

    public static ModelFile of(GlowConfig config, long seed) {
        return ModelFileWriter.toModelFile(config, glowTensors(config, new SplittableRandom(seed)));
    }

    /**
     * A Glow with a context model on neighbourhood features of the given radius and hidden width
     * whose weights have the given scale: large scales make every sample's distribution very peaked.
     */
    public static ModelFile withContext(GlowConfig config, long seed, int radius, int hidden, double scale) {
        return withContext(config, seed, new NeighbourhoodFeatures(radius, config.channels()), hidden, scale);
    }

    /** A Glow with a context model on {@code contextFeatures}, as {@link #withContext(GlowConfig, long, int, int, double)}. */
    public static ModelFile withContext(GlowConfig config, long seed, ContextFeatures contextFeatures, int hidden, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        List<NamedTensor> tensors = glowTensors(config, random);
        int features = contextFeatures.count();
        if (contextFeatures instanceof ResidualFeatures) {
            tensors.add(new NamedTensor(ResidualFeatures.TENSOR, new int[] {1}, new float[] {contextFeatures.radius()}));
        }
        tensors.add(tensor("context.hidden1.weight", random, scale, hidden, features));
        tensors.add(tensor("context.hidden1.bias", random, scale, hidden));
        tensors.add(tensor("context.hidden2.weight", random, scale, hidden, hidden));
        tensors.add(tensor("context.hidden2.bias", random, scale, hidden));
        tensors.add(tensor("context.output.weight", random, scale, ContextModel.SYMBOLS, hidden));
        tensors.add(tensor("context.output.bias", random, scale, ContextModel.SYMBOLS));
        return ModelFileWriter.toModelFile(config, tensors);
    }

    /**
     * {@code model} with its context model's logit of {@code symbol} raised by {@code boost}: a
     * context model that expects that value everywhere, and codes a constant image of it in a few
     * bits.
     */
    public static ModelFile expecting(ModelFile model, int symbol, float boost) {
        List<NamedTensor> tensors = new ArrayList<>(model.tensors().values());
        String bias = ContextModel.PREFIX + "output.bias";
        tensors.replaceAll(tensor -> {
            if (!tensor.name().equals(bias)) {
                return tensor;
            }
            float[] data = tensor.data();
            data[symbol] += boost;
            return new NamedTensor(bias, tensor.shape(), data);
        });
        return ModelFileWriter.toModelFile(model.config(), tensors);
    }

    /**
     * {@code model} with a variational dequantizer of random weights; its last convolution's
     * weights have the given scale: large scales make the noise's distributions very peaked.
     */
    public static ModelFile withDequantizer(ModelFile model, long seed, double scale) {
        return withNetworks(model, new GlowLayout(model.config()).dequantizerTensors(), seed, scale);
    }

    /** {@code model} with a checkerboard posterior of random weights, both networks scaled as in {@link #withDequantizer}. */
    public static ModelFile withCheckerboardDequantizer(ModelFile model, long seed, double scale) {
        Map<String, int[]> shapes = new GlowLayout(model.config()).dequantizerTensors();
        shapes.putAll(new GlowLayout(model.config()).checkerboardTensors());
        return withNetworks(model, shapes, seed, scale);
    }

    /**
     * {@code model} whose priors code in {@code phases}: their contexts of random weights, the last
     * convolutions scaled as in {@link #withDequantizer}.
     */
    public static ModelFile withPriorPhases(ModelFile model, PriorPhases phases, long seed, double scale) {
        return withNetworks(model, new GlowLayout(model.config()).contextTensors(phases), seed, scale);
    }

    private static ModelFile withNetworks(ModelFile model, Map<String, int[]> shapes, long seed, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        List<NamedTensor> tensors = new ArrayList<>(model.tensors().values());
        shapes.forEach((name, shape) -> tensors.add(tensor(name, random, name.contains(".conv3.") ? scale : 0.3, shape)));
        return ModelFileWriter.toModelFile(model.config(), tensors);
    }

    /**
     * {@code model} with a border condition ({@link GlowLayout#conditionTensors()}) of random
     * {@code N(0, scale^2)} weights; at scale 0 every weight is zero, which leaves the flow the
     * unconditioned one.
     */
    public static ModelFile withCondition(ModelFile model, long seed, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        List<NamedTensor> tensors = new ArrayList<>(model.tensors().values());
        new GlowLayout(model.config()).conditionTensors().forEach((name, shape) -> tensors.add(tensor(name, random, scale, shape)));
        return ModelFileWriter.toModelFile(model.config(), tensors);
    }

    /** Every tensor of the config's {@link GlowLayout}, each drawn at the magnitude of its kind in a trained model. */
    private static List<NamedTensor> glowTensors(GlowConfig config, SplittableRandom random) {
        List<NamedTensor> tensors = new ArrayList<>();
        new GlowLayout(config).tensors().forEach((name, shape) -> tensors.add(
                name.endsWith(".perm") ? permutation(name, random, shape[0])
                : name.endsWith(".sign") ? signs(name, random, shape[0])
                : tensor(name, random, scale(name), shape)));
        return tensors;
    }

    private static double scale(String name) {
        if (name.endsWith(".invconv.logs")) {
            return 0.2;
        }
        if (name.contains(".conv3.") || name.contains(".prior.") || name.endsWith(".bias") && name.contains(".conv")) {
            return 0.1;
        }
        return 0.3;
    }

    private static NamedTensor tensor(String name, SplittableRandom random, double scale, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = (float) (random.nextGaussian() * scale);
        }
        return new NamedTensor(name, shape, data);
    }

    private static NamedTensor permutation(String name, SplittableRandom random, int n) {
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float t = data[i];
            data[i] = data[j];
            data[j] = t;
        }
        return new NamedTensor(name, new int[] {n}, data);
    }

    private static NamedTensor signs(String name, SplittableRandom random, int n) {
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = random.nextBoolean() ? 1 : -1;
        }
        return new NamedTensor(name, new int[] {n}, data);
    }
}
