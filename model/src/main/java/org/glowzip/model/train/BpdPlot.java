package org.glowzip.model.train;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Draws a run's train (blue) and test (red, dotted) bits per dimension against the step as a PNG. */
public final class BpdPlot {
    private BpdPlot() {
    }

    public static void write(List<TrainingLog.Row> rows, Path png) throws IOException {
        double[] steps = column(rows, row -> row.step());
        LineChart.write(List.of(new LineChart.Series(steps, column(rows, TrainingLog.Row::trainBpd), new Color(40, 90, 200), false),
                new LineChart.Series(steps, column(rows, TrainingLog.Row::testBpd), new Color(210, 40, 40), true)),
                "bits per dimension: train (blue), test (red)", "step", png);
    }

    static double[] column(List<TrainingLog.Row> rows, ToDoubleFunction<TrainingLog.Row> value) {
        return rows.stream().mapToDouble(value).toArray();
    }
}
