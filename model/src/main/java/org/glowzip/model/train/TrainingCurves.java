package org.glowzip.model.train;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The test bits per dimension of several training runs against their hours of training, to
 * compare variants by what they reach in a given time: a CSV ({@code run,hours,epoch,step,test_bpd},
 * one row per evaluation) and a PNG, a line with dots per run.
 */
public final class TrainingCurves {
    private static final List<Color> COLORS = List.of(new Color(40, 90, 200), new Color(210, 40, 40), new Color(30, 150, 60),
            new Color(230, 140, 20), new Color(130, 60, 170), new Color(90, 90, 90));
    private static final List<String> COLOR_NAMES = List.of("blue", "red", "green", "orange", "purple", "gray");

    private final Map<String, List<TrainingLog.Row>> runs;

    /** The curves of {@code runs}, each a label and its log's rows, in the order given; at most six. */
    public TrainingCurves(Map<String, List<TrainingLog.Row>> runs) {
        if (runs.isEmpty() || runs.size() > COLORS.size()) {
            throw new IllegalArgumentException("curves of 1 to " + COLORS.size() + " runs, not " + runs.size());
        }
        this.runs = new LinkedHashMap<>(runs);
    }

    public void writeCsv(Path csv) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("run,hours,epoch,step,test_bpd");
        runs.forEach((run, rows) -> rows.stream().filter(row -> Double.isFinite(row.testBpd())).forEach(row -> lines.add(
                String.format(Locale.ROOT, "%s,%.4f,%.4f,%d,%.5f", run, row.hours(), row.epoch(), row.step(), row.testBpd()))));
        Files.write(csv, lines, StandardCharsets.UTF_8);
    }

    public void writePng(Path png) throws IOException {
        List<LineChart.Series> series = new ArrayList<>();
        List<String> legend = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<TrainingLog.Row>> run : runs.entrySet()) {
            List<TrainingLog.Row> tested = run.getValue().stream().filter(row -> Double.isFinite(row.testBpd())).toList();
            series.add(new LineChart.Series(BpdPlot.column(tested, TrainingLog.Row::hours), BpdPlot.column(tested, TrainingLog.Row::testBpd),
                    COLORS.get(i), true));
            legend.add(run.getKey() + " (" + COLOR_NAMES.get(i) + ")");
            i++;
        }
        LineChart.write(series, "test bpd: " + String.join(", ", legend), "hours of training", png);
    }
}
