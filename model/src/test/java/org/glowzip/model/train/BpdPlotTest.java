package org.glowzip.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpdPlotTest {
    @Test
    void writesAPngWithBothSeries(@TempDir Path directory) throws Exception {
        List<TrainingLog.Row> rows = List.of(
                new TrainingLog.Row(50, 0.1, 6.0, Double.NaN, 1e-4, 100, 0, 0.01),
                new TrainingLog.Row(100, 0.2, 5.0, 5.2, 2e-4, 100, 0, 0.02),
                new TrainingLog.Row(150, 0.3, 4.0, 4.3, 3e-4, 100, 1, 0.03));
        Path png = directory.resolve("bpd.png");
        BpdPlot.write(rows, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(true, drawsIn(image, 0xD22828) && drawsIn(image, 0x285AC8), "both series drawn");
    }

    /** Whether some pixel of {@code image} has the colour {@code rgb}. */
    static boolean drawsIn(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void logRowsSurviveACsvRoundTrip(@TempDir Path directory) throws Exception {
        TrainingLog log = new TrainingLog(directory.resolve("log.csv"), 0, 64);
        log.append(new TrainingLog.Row(1, 0.5, 3.5, Double.NaN, 1e-3, 12.5, 0, 0.25));
        log.append(new TrainingLog.Row(2, 1.0, 3.4, 3.45, 1e-3, 12.5, 2, 0.5));
        TrainingLog reopened = new TrainingLog(directory.resolve("log.csv"), 1, 64);
        assertEquals(1, reopened.rows().size(), "rows after the resumed step are dropped");
        assertEquals(3.5, reopened.rows().get(0).trainBpd(), 1e-9);
        assertEquals(0.25, reopened.hours(), 1e-9, "a resumed run's clock goes on from its last row kept");
    }

    @Test
    void aLogWithoutHoursGetsThemEstimatedFromItsRates(@TempDir Path directory) throws Exception {
        Path path = directory.resolve("log.csv");
        Files.write(path, List.of("step,epoch,train_bpd,test_bpd,learning_rate,images_per_second,skipped_steps",
                "100,0.1000,4.00000,,0.00100,3.2,0", "200,0.2000,3.90000,3.95000,0.00100,6.4,0"));
        TrainingLog log = new TrainingLog(path, 200, 64);
        // 100 steps of 64 images at 3.2 images/s, then 100 at 6.4: 2,000 s + 1,000 s
        assertEquals(List.of(2000 / 3600.0, 3000 / 3600.0), log.rows().stream().map(TrainingLog.Row::hours).toList());
        assertEquals(TrainingLog.HEADER, Files.readAllLines(path).get(0), "rewritten with the hours");
        assertEquals(0.8333, new TrainingLog(path, 200, 1).hours(), 1e-9, "read back as written (4 decimals), not estimated again");
    }
}
