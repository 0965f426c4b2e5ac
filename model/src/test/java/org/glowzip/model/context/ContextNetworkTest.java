package org.glowzip.model.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.context.NeighbourhoodFeatures;
import org.glowzip.model.data.IdxFiles;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.data.Shuffle;
import org.glowzip.model.flow.GradientCheck;
import org.glowzip.model.flow.Parameter;
import org.glowzip.model.train.Adam;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ContextNetworkTest {
    static ImageSet sample() throws Exception {
        return IdxFiles.readSplit(Path.of(ContextNetworkTest.class.getResource("/fashion-mnist-sample").toURI()), true);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        int features = NeighbourhoodFeatures.count(1, 3);
        ContextNetwork network = new ContextNetwork(features, 5, DataType.DOUBLE, 2);
        Random random = new Random(3);
        for (Parameter parameter : network.parameters()) {
            if (!parameter.name().startsWith("context.hidden") || parameter.name().endsWith(".bias")) {
                // zero initially: no gradient would reach the hidden layers, and pre-activations of 0 sit on ReLU's kink
                parameter.value().assign(Nd4j.randn(DataType.DOUBLE, parameter.value().shape()).muli(0.5));
            }
        }
        INDArray x = Nd4j.rand(DataType.DOUBLE, 6, features).subi(0.5);
        int[] targets = new int[6];
        for (int b = 0; b < targets.length; b++) {
            targets[b] = random.nextInt(ContextModel.SYMBOLS);
        }
        network.train(x, targets);
        for (Parameter parameter : network.parameters()) {
            INDArray analytic = parameter.gradient().dup();
            GradientCheck.assertGradient(parameter.name(), parameter.value(), analytic, () -> network.bits(x, targets) / targets.length, 40);
        }
    }

    @Test
    void anUntrainedNetworkCodesEveryValueInEightBits() {
        ContextNetwork network = new ContextNetwork(4, 3, DataType.FLOAT, 1);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 4);
        assertEquals(8.0, network.train(x, new int[] {0, 17, 255, 128, 3}), 1e-5);
        assertEquals(40.0, network.bits(x, new int[] {1, 2, 3, 4, 5}), 1e-4);
    }

    @Test
    void aFewAdamStepsOnATinyBatchLowerTheLoss() throws Exception {
        ContextSamples samples = new ContextSamples(sample(), 4, new NeighbourhoodFeatures(2, 1), 28, 28);
        int[] order = Shuffle.permutation(samples.count(), 1);
        int[] targets = new int[256];
        INDArray x = samples.examples(order, 0, targets.length, targets, DataType.FLOAT);
        ContextNetwork network = new ContextNetwork(samples.featureCount(), 16, DataType.FLOAT, 1);
        Adam adam = new Adam(network.parameters());
        double first = network.train(x, targets);
        double last = first;
        for (int step = 0; step < 30; step++) {
            adam.update(1e-2);
            last = network.train(x, targets);
        }
        assertTrue(last < first - 2, "bits per sample went from " + first + " to " + last);
    }
}
