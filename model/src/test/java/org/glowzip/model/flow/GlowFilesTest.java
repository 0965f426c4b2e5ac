package org.glowzip.model.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.ModelFileReader;
import org.glowzip.codec.modelfile.ModelFileWriter;
import org.glowzip.codec.modelfile.NamedTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** ND4J model -> model file -> ND4J model is exact. */
class GlowFilesTest {
    private static final GlowConfig CONFIG = new GlowConfig(2, 2, 8, CouplingType.AFFINE, 1, 8, 8);

    @Test
    void roundTripIsBitExact(@TempDir Path directory) throws Exception {
        Glow original = new Glow(CONFIG, DataType.FLOAT, 1);
        Nd4j.getRandom().setSeed(2);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1, 8, 8).subi(0.5);
        original.forward(x);
        FlowLayerTest.perturb(original, DataType.FLOAT);
        Path path = directory.resolve("model.gzm");
        GlowFiles.save(original, UniformDequantization.INSTANCE, path);
        Glow loaded = GlowFiles.load(path);
        List<Parameter> a = original.parameters();
        List<Parameter> b = loaded.parameters();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).name(), b.get(i).name());
            assertArrayEquals(a.get(i).value().data().asFloat(), b.get(i).value().data().asFloat(), 0f, a.get(i).name());
        }
        assertEquals(original.bitsPerDimension(original.forward(x)), loaded.bitsPerDimension(loaded.forward(x)));
        ModelFile file = ModelFileReader.read(path);
        assertEquals(CONFIG, file.config());
        assertEquals(ModelFileWriter.toModelFile(CONFIG, GlowFiles.tensors(loaded)).fingerprintHex(), file.fingerprintHex(),
                "saving the loaded model gives the same file");
    }

    @Test
    void missingTensorIsReported() {
        Glow glow = new Glow(CONFIG, DataType.FLOAT, 1);
        List<NamedTensor> tensors = GlowFiles.tensors(glow).subList(1, GlowFiles.tensors(glow).size());
        MalformedStreamException e = assertThrows(MalformedStreamException.class,
                () -> GlowFiles.fromModelFile(ModelFileReader.read(ModelFileWriter.toBytes(CONFIG, tensors))));
        assertEquals("model file has no tensor level0.step0.actnorm.bias", e.reason());
    }
}
