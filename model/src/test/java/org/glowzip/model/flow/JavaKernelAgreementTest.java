package org.glowzip.model.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.modelfile.NamedTensor;
import org.glowzip.codec.nn.Conv2d;
import org.glowzip.codec.nn.FeatureMap;
import org.glowzip.codec.nn.ScaledConv2d;
import org.glowzip.model.data.IdxFiles;
import org.glowzip.model.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The coder's deterministic Java kernels compute the networks that ND4J trained, to float
 * tolerance, on real Fashion-MNIST test images: the model we train is the model we code.
 */
class JavaKernelAgreementTest {
    private static final double TOLERANCE = 1e-4;

    @Test
    void couplingNetworkAgreesWithNd4j() throws Exception {
        Random random = new Random(5);
        GlowLayout.Step names = new GlowLayout.Step("net");
        CouplingNetwork nd4j = new CouplingNetwork(names::couplingConv, 2, 32, 4, DataType.FLOAT, random);
        perturb(nd4j.parameters(), random);
        Map<String, NamedTensor> tensors = tensors(nd4j.parameters());
        org.glowzip.codec.nn.CouplingNetwork java = new org.glowzip.codec.nn.CouplingNetwork(
                conv(tensors, names.couplingConv(1)), conv(tensors, names.couplingConv(2)),
                new ScaledConv2d(conv(tensors, names.couplingConv(3)), tensors.get(names.couplingConv(3) + ".logscale").data()));
        INDArray input = Tensors.channels(Tensors.squeeze(realImages()), 0, 2).dup();
        compare(nd4j.forward(input), input, java::apply);
    }

    @Test
    void splitPriorNetworkAgreesWithNd4j() throws Exception {
        Random random = new Random(6);
        ZeroConv2d nd4j = new ZeroConv2d("prior", 2, 4, DataType.FLOAT);
        perturb(nd4j.parameters(), random);
        Map<String, NamedTensor> tensors = tensors(nd4j.parameters());
        ScaledConv2d java = new ScaledConv2d(conv(tensors, "prior"), tensors.get("prior.logscale").data());
        INDArray input = Tensors.channels(Tensors.squeeze(realImages()), 0, 2).dup();
        compare(nd4j.forward(input), input, java::apply);
    }

    /** Eight real test images, scaled to [-0.5, 0.5) as the flow sees them: {@code [8, 1, 28, 28]}. */
    private static INDArray realImages() throws Exception {
        Path sample = Path.of(JavaKernelAgreementTest.class.getResource("/fashion-mnist-sample").toURI());
        ImageSet set = IdxFiles.readSplit(sample, true).head(8);
        int[] indices = new int[8];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        return set.batch(indices, 0, 8, DataType.FLOAT).div(256.0).sub(0.5);
    }

    private static void compare(INDArray expected, INDArray input, java.util.function.Function<FeatureMap, FeatureMap> java) {
        long n = input.size(0);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            FeatureMap map = new FeatureMap((int) input.size(1), (int) input.size(2), (int) input.size(3));
            for (int c = 0; c < map.channels(); c++) {
                for (int y = 0; y < map.height(); y++) {
                    for (int x = 0; x < map.width(); x++) {
                        map.set(c, y, x, input.getFloat(i, c, y, x));
                    }
                }
            }
            FeatureMap out = java.apply(map);
            for (int c = 0; c < out.channels(); c++) {
                for (int y = 0; y < out.height(); y++) {
                    for (int x = 0; x < out.width(); x++) {
                        worst = Math.max(worst, Math.abs(out.get(c, y, x) - expected.getFloat(i, c, y, x)));
                    }
                }
            }
        }
        assertTrue(worst <= TOLERANCE, "largest difference " + worst);
        assertTrue(expected.amaxNumber().doubleValue() > 0.1, "outputs are not trivially zero");
    }

    /** Moves every parameter (the zero-initialized ones too) to a random trained-looking value. */
    private static void perturb(List<Parameter> parameters, Random random) {
        for (Parameter parameter : parameters) {
            INDArray value = parameter.value();
            double[] noise = new double[(int) value.length()];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = random.nextGaussian() * 0.1;
            }
            value.addi(Nd4j.create(noise, value.shape(), DataType.DOUBLE).castTo(value.dataType()));
        }
    }

    private static Map<String, NamedTensor> tensors(List<Parameter> parameters) {
        Map<String, NamedTensor> byName = new TreeMap<>();
        for (NamedTensor tensor : GlowFiles.tensors(parameters)) {
            byName.put(tensor.name(), tensor);
        }
        return byName;
    }

    private static Conv2d conv(Map<String, NamedTensor> tensors, String prefix) {
        int[] shape = tensors.get(prefix + ".weight").shape();
        return new Conv2d(shape[1], shape[0], shape[2], tensors.get(prefix + ".weight").data(), tensors.get(prefix + ".bias").data());
    }
}
