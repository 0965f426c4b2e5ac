package org.glowzip.codec.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.model.CouplingType;
import org.glowzip.codec.model.GlowConfig;
import org.glowzip.codec.model.ModelFile;
import org.glowzip.codec.model.ModelFileWriter;
import org.glowzip.codec.model.NamedTensor;

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
     * A Glow with a context model of the given radius and hidden width whose weights have the
     * given scale: large scales make every sample's distribution very peaked.
     */
    public static ModelFile withContext(GlowConfig config, long seed, int radius, int hidden, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        List<NamedTensor> tensors = glowTensors(config, random);
        int features = ContextModel.featureCount(radius, config.channels());
        tensors.add(tensor("context.hidden1.weight", random, scale, hidden, features));
        tensors.add(tensor("context.hidden1.bias", random, scale, hidden));
        tensors.add(tensor("context.hidden2.weight", random, scale, hidden, hidden));
        tensors.add(tensor("context.hidden2.bias", random, scale, hidden));
        tensors.add(tensor("context.output.weight", random, scale, ContextModel.SYMBOLS, hidden));
        tensors.add(tensor("context.output.bias", random, scale, ContextModel.SYMBOLS));
        return ModelFileWriter.toModelFile(config, tensors);
    }

    private static List<NamedTensor> glowTensors(GlowConfig config, SplittableRandom random) {
        List<NamedTensor> tensors = new ArrayList<>();
        int channels = config.channels();
        int height = config.height();
        int width = config.width();
        int hidden = config.hiddenWidth();
        for (int level = 0; level < config.levels(); level++) {
            channels *= 4;
            height /= 2;
            width /= 2;
            int half = channels / 2;
            for (int step = 0; step < config.steps(); step++) {
                String p = "level" + level + ".step" + step;
                tensors.add(tensor(p + ".actnorm.bias", random, 0.3, channels));
                tensors.add(tensor(p + ".actnorm.logs", random, 0.3, channels));
                tensors.add(permutation(p + ".invconv.perm", random, channels));
                tensors.add(signs(p + ".invconv.sign", random, channels));
                tensors.add(tensor(p + ".invconv.lower", random, 0.3, channels, channels));
                tensors.add(tensor(p + ".invconv.upper", random, 0.3, channels, channels));
                tensors.add(tensor(p + ".invconv.logs", random, 0.2, channels));
                int outputs = config.coupling() == CouplingType.AFFINE ? 2 * (channels - half) : channels - half;
                String c = p + ".coupling";
                tensors.add(tensor(c + ".conv1.weight", random, 0.3, hidden, half, 3, 3));
                tensors.add(tensor(c + ".conv1.bias", random, 0.1, hidden));
                tensors.add(tensor(c + ".conv2.weight", random, 0.3, hidden, hidden, 1, 1));
                tensors.add(tensor(c + ".conv2.bias", random, 0.1, hidden));
                tensors.add(tensor(c + ".conv3.weight", random, 0.1, outputs, hidden, 3, 3));
                tensors.add(tensor(c + ".conv3.bias", random, 0.1, outputs));
                tensors.add(tensor(c + ".conv3.logscale", random, 0.1, outputs));
            }
            if (level < config.levels() - 1) {
                String p = "level" + level + ".prior";
                tensors.add(tensor(p + ".weight", random, 0.1, 2 * (channels - half), half, 3, 3));
                tensors.add(tensor(p + ".bias", random, 0.1, 2 * (channels - half)));
                tensors.add(tensor(p + ".logscale", random, 0.1, 2 * (channels - half)));
                channels = half;
            }
        }
        tensors.add(tensor("top.mean", random, 0.3, 1, channels, height, width));
        tensors.add(tensor("top.logsd", random, 0.3, 1, channels, height, width));
        return tensors;
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
