package org.glowzip.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpdPlotTest {
    @Test
    void writesAPngWithBothSeries(@TempDir Path directory) throws Exception {
        List<TrainingLog.Row> rows = List.of(
                new TrainingLog.Row(50, 0.1, 6.0, Double.NaN, 1e-4, 100, 0),
                new TrainingLog.Row(100, 0.2, 5.0, 5.2, 2e-4, 100, 0),
                new TrainingLog.Row(150, 0.3, 4.0, 4.3, 3e-4, 100, 1));
        Path png = directory.resolve("bpd.png");
        BpdPlot.write(rows, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        boolean red = false;
        boolean blue = false;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                red |= rgb == 0xD22828;
                blue |= rgb == 0x285AC8;
            }
        }
        assertEquals(true, red && blue, "both series drawn");
    }

    @Test
    void logRowsSurviveACsvRoundTrip(@TempDir Path directory) throws Exception {
        TrainingLog log = new TrainingLog(directory.resolve("log.csv"), 0);
        log.append(new TrainingLog.Row(1, 0.5, 3.5, Double.NaN, 1e-3, 12.5, 0));
        log.append(new TrainingLog.Row(2, 1.0, 3.4, 3.45, 1e-3, 12.5, 2));
        TrainingLog reopened = new TrainingLog(directory.resolve("log.csv"), 1);
        assertEquals(1, reopened.rows().size(), "rows after the resumed step are dropped");
        assertEquals(3.5, reopened.rows().get(0).trainBpd(), 1e-9);
    }
}
