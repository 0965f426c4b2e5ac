package org.glowzip.model.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.model.data.IdxFiles;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.flow.Glow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ExperimentsTest {
    @Test
    void writesSampleInterpolationAndManipulationImages(@TempDir Path directory) throws Exception {
        ImageSet test = IdxFiles.readSplit(Path.of(ExperimentsTest.class.getResource("/fashion-mnist-sample").toURI()), true);
        Glow glow = new Glow(new GlowConfig(2, 1, 8, CouplingType.AFFINE, 1, 28, 28), DataType.FLOAT, 1);
        glow.forward(test.batch(test.order(), 0, 32, DataType.FLOAT).divi(256).subi(0.5));

        Experiments.sampleGrid(glow, new double[] {0.7, 1.0}, 2, 3, 1, directory.resolve("s.png"));
        BufferedImage samples = ImageIO.read(directory.resolve("s.png").toFile());
        assertEquals(2 + 6 * 30 + 8, samples.getWidth());
        assertEquals(2 + 2 * 30, samples.getHeight());

        Experiments.interpolationStrip(glow, test, new int[] {0}, new int[] {1}, 5, directory.resolve("i.png"));
        BufferedImage strip = ImageIO.read(directory.resolve("i.png").toFile());
        assertEquals(2 + 5 * 30, strip.getWidth());
        int[] first = test.image(0);
        assertEquals(first[14 * 28 + 14], strip.getRaster().getSample(2 + 14, 2 + 14, 0), 1,
                "the strip starts at the first image");

        List<INDArray> direction = Experiments.labelDirection(glow, test, 9, 64, 32);
        Experiments.manipulation(glow, test, new int[] {0, 1}, direction, new double[] {-1, 0, 1}, directory.resolve("m.png"));
        BufferedImage manipulated = ImageIO.read(directory.resolve("m.png").toFile());
        assertEquals(2 + 3 * 30, manipulated.getWidth());
        assertEquals(2 + 2 * 30, manipulated.getHeight());
    }
}
