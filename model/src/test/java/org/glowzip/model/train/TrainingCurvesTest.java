package org.glowzip.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCurvesTest {
    @Test
    void eachRunsEvaluationsBecomeARowAndACurve(@TempDir Path directory) throws Exception {
        Map<String, List<TrainingLog.Row>> runs = new LinkedHashMap<>();
        runs.put("small", List.of(new TrainingLog.Row(50, 0.5, 4.0, Double.NaN, 1e-3, 90, 0, 0.5),
                new TrainingLog.Row(100, 1.0, 3.8, 3.9, 1e-3, 90, 0, 1.0), new TrainingLog.Row(200, 2.0, 3.6, 3.7, 1e-3, 90, 0, 2.0)));
        runs.put("large", List.of(new TrainingLog.Row(100, 1.0, 3.7, 3.75, 1e-3, 30, 0, 3.0)));
        TrainingCurves curves = new TrainingCurves(runs);
        curves.writeCsv(directory.resolve("curves.csv"));
        assertEquals(List.of("run,hours,epoch,step,test_bpd", "small,1.0000,1.0000,100,3.90000", "small,2.0000,2.0000,200,3.70000",
                "large,3.0000,1.0000,100,3.75000"), Files.readAllLines(directory.resolve("curves.csv")));
        curves.writePng(directory.resolve("curves.png"));
        BufferedImage image = ImageIO.read(directory.resolve("curves.png").toFile());
        assertTrue(BpdPlotTest.drawsIn(image, 0x285AC8) && BpdPlotTest.drawsIn(image, 0xD22828), "a curve per run");
        assertThrows(IllegalArgumentException.class, () -> new TrainingCurves(Map.of()));
    }
}
