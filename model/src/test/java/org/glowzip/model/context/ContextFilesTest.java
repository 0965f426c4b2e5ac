package org.glowzip.model.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.context.ContextCoder;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.context.NeighbourhoodFeatures;
import org.glowzip.codec.tile.TileFormat;
import org.glowzip.codec.image.Canvas;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.ModelFileReader;
import org.glowzip.codec.modelfile.ModelFileWriter;
import org.glowzip.codec.modelfile.NamedTensor;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.data.Shuffle;
import org.glowzip.model.flow.Glow;
import org.glowzip.model.flow.GlowFiles;
import org.glowzip.model.train.Adam;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

class ContextFilesTest {
    private static final GlowConfig TINY = new GlowConfig(2, 1, 8, CouplingType.AFFINE, 1, 28, 28);
    private static final NeighbourhoodFeatures FEATURES = new NeighbourhoodFeatures(2, 1);

    private static ImageSet sample;
    private static ModelFile glow;
    private static ContextNetwork network;

    /** A tiny Glow's file, and a context network trained a little, so that no layer is zero. */
    @BeforeAll
    static void trainALittle() throws Exception {
        sample = ContextNetworkTest.sample();
        glow = ModelFileWriter.toModelFile(TINY, GlowFiles.tensors(new Glow(TINY, DataType.FLOAT, 1)));
        ContextSamples samples = new ContextSamples(sample, 8, FEATURES, TINY.height(), TINY.width());
        network = new ContextNetwork(samples.featureCount(), 12, DataType.FLOAT, 1);
        Adam adam = new Adam(network.parameters());
        int[] order = Shuffle.permutation(samples.count(), 2);
        int[] targets = new int[512];
        for (int step = 0; step < 10; step++) {
            network.train(samples.examples(order, step * targets.length, targets.length, targets, DataType.FLOAT), targets);
            adam.update(1e-2);
        }
    }

    @Test
    void keepsEveryGlowTensorAndReplacesTheContextModel(@TempDir Path directory) throws Exception {
        Path first = directory.resolve("first.gzm");
        ContextFiles.write(first, glow, network.tensors());
        ModelFile withContext = ModelFileReader.read(first);
        assertEquals(TINY, withContext.config());
        assertEquals(glow.tensors().size() + 6, withContext.tensors().size());
        for (NamedTensor tensor : glow.tensors().values()) {
            assertEquals(tensor, withContext.tensor(tensor.name()));
        }
        List<NamedTensor> other = new ContextNetwork(NeighbourhoodFeatures.count(1, 1), 4, DataType.FLOAT, 9).tensors();
        Path second = directory.resolve("second.gzm");
        ContextFiles.write(second, withContext, other);
        ModelFile replaced = ModelFileReader.read(second);
        assertEquals(withContext.tensors().size(), replaced.tensors().size());
        for (NamedTensor tensor : other) {
            assertEquals(tensor, replaced.tensor(tensor.name()));
        }
        assertEquals(1, ContextModel.of(replaced).features().radius());
    }

    @Test
    void theCodecsModelGivesTheNetworksProbabilities(@TempDir Path directory) throws Exception {
        ContextModel model = contextModel(directory);
        assertEquals(FEATURES, model.features());
        ContextSamples samples = new ContextSamples(sample.head(20), 20, FEATURES, TINY.height(), TINY.width());
        int[] codes = Shuffle.permutation(samples.count(), 5);
        int[] targets = new int[200];
        INDArray x = samples.examples(codes, 0, targets.length, targets, DataType.FLOAT);
        INDArray probabilities = Transforms.softmax(network.logits(x), false);
        float[] features = new float[FEATURES.count()];
        ContextModel.Scratch scratch = model.scratch();
        double largest = 0;
        for (int b = 0; b < targets.length; b++) {
            int image = codes[b] / samples.imageSize();
            int p = codes[b] % samples.imageSize();
            FEATURES.features(Canvas.of(sample.samples(image), 1, sample.height(), sample.width()), 0, p / sample.width(),
                    p % sample.width(), features);
            float[] logits = model.logits(features, scratch);
            double[] expected = softmax(logits);
            for (int s = 0; s < ContextModel.SYMBOLS; s++) {
                largest = Math.max(largest, Math.abs(expected[s] - probabilities.getDouble(b, s)));
            }
        }
        assertTrue(largest < 1e-4, "largest probability difference " + largest);
        assertTrue(probabilities.maxNumber().doubleValue() > 0.05, "the network has learned something");
    }

    @Test
    void theWrittenContextModelCodesAndDecodesImagesExactly(@TempDir Path directory) throws Exception {
        ContextCoder coder = TileFormat.CURRENT.contextCoder(contextModel(directory));
        Message message = new Message();
        byte[] first = sample.samples(0);
        byte[] second = sample.samples(1);
        coder.push(message, canvas(first));
        coder.push(message, canvas(second));
        assertFalse(message.isFresh());
        Canvas decoded = canvas(new byte[first.length]);
        coder.pop(message, decoded);
        assertArrayEquals(second, decoded.samples());
        coder.pop(message, decoded);
        assertArrayEquals(first, decoded.samples());
        assertTrue(message.isFresh());
    }

    private static Canvas canvas(byte[] samples) {
        return Canvas.of(samples, 1, sample.height(), sample.width());
    }

    private static ContextModel contextModel(Path directory) throws Exception {
        Path path = directory.resolve("model.gzm");
        ContextFiles.write(path, glow, network.tensors());
        return ContextModel.of(ModelFileReader.read(path));
    }

    private static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float logit : logits) {
            max = Math.max(max, logit);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int s = 0; s < logits.length; s++) {
            p[s] = Math.exp(logits[s] - max);
            sum += p[s];
        }
        for (int s = 0; s < logits.length; s++) {
            p[s] /= sum;
        }
        return p;
    }
}
