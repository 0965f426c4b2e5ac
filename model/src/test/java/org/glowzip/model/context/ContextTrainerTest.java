package org.glowzip.model.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.context.NeighbourhoodFeatures;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFileReader;
import org.glowzip.codec.modelfile.ModelFileWriter;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.flow.Glow;
import org.glowzip.model.flow.GlowFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class ContextTrainerTest {
    @Test
    void theLearningRateFallsFromTheFirstToTheFinalRate() {
        ContextTrainingOptions options = new ContextTrainingOptions(new NeighbourhoodFeatures(3, 1), 28, 28, 8, 1, 16, 2e-3, 1e-4, 1, 10, 10, Path.of("."));
        assertEquals(2e-3, options.learningRateAt(0, 101), 1e-12);
        assertEquals(1.05e-3, options.learningRateAt(50, 101), 1e-12);
        assertEquals(1e-4, options.learningRateAt(100, 101), 1e-12);
    }

    @Test
    void trainsLogsAndWritesAModelFileTheCodecReads(@TempDir Path directory) throws Exception {
        ImageSet sample = ContextNetworkTest.sample();
        GlowConfig config = new GlowConfig(2, 1, 8, CouplingType.AFFINE, 1, 28, 28);
        Path glow = directory.resolve("glow.gzm");
        ModelFileWriter.write(glow, config, GlowFiles.tensors(new Glow(config, DataType.FLOAT, 1)));
        Path out = directory.resolve("run/model.gzm");
        ContextTrainingOptions options = new ContextTrainingOptions(new NeighbourhoodFeatures(1, 1), 28, 28, 8, 2, 512, 1e-2, 1e-4, 1, 8, 4, out.getParent());
        ContextNetwork network = new ContextTrainer(options, sample.head(40), sample.head(8), new PrintStream(OutputStream.nullOutputStream())).run();
        ContextFiles.write(out, ModelFileReader.read(glow), network.tensors());
        ContextModel model = ContextModel.of(ModelFileReader.read(out));
        assertEquals(new NeighbourhoodFeatures(1, 1), model.features());
        assertTrue(Files.exists(directory.resolve("run/bpd.png")));
        List<String> log = Files.readAllLines(directory.resolve("run/log.csv"));
        assertEquals(1 + 2 * (8 * 784 / 512), log.size(), "a row a step: an epoch has fewer than 20 steps");
        String[] last = log.get(log.size() - 1).split(",", -1);
        assertEquals("2.0000", last[1]);
        double testBpd = Double.parseDouble(last[3]);
        assertTrue(testBpd > 1 && testBpd < 7.5, "test bpd " + testBpd);
    }
}
