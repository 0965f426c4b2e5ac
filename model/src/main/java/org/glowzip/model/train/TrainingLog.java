package org.glowzip.model.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CSV training log, one row per logged step:
 * {@code step,epoch,train_bpd,test_bpd,learning_rate,images_per_second,skipped_steps}; {@code test_bpd}
 * is empty on rows without an evaluation. Appends, so a resumed run continues the same file.
 */
public final class TrainingLog {
    static final String HEADER = "step,epoch,train_bpd,test_bpd,learning_rate,images_per_second,skipped_steps";

    /** One row of the log. {@code testBpd} is NaN when not evaluated. */
    public record Row(long step, double epoch, double trainBpd, double testBpd, double learningRate,
            double imagesPerSecond, long skippedSteps) {
        String csv() {
            return String.format(Locale.ROOT, "%d,%.4f,%.5f,%s,%.3g,%.1f,%d", step, epoch, trainBpd,
                    Double.isNaN(testBpd) ? "" : String.format(Locale.ROOT, "%.5f", testBpd), learningRate,
                    imagesPerSecond, skippedSteps);
        }

        static Row parse(String line) {
            String[] f = line.split(",", -1);
            return new Row(Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    f[3].isEmpty() ? Double.NaN : Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Long.parseLong(f[6]));
        }
    }

    private final Path path;
    private final List<Row> rows = new ArrayList<>();

    /** Opens {@code path}, keeping the rows up to {@code resumedStep} of an existing log. */
    public TrainingLog(Path path, long resumedStep) throws IOException {
        this.path = path;
        if (Files.exists(path)) {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.equals(HEADER)) {
                    Row row = Row.parse(line);
                    if (row.step() <= resumedStep) {
                        rows.add(row);
                    }
                }
            }
        }
        rewrite();
    }

    private void rewrite() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        rows.forEach(row -> lines.add(row.csv()));
        Files.write(path, lines, StandardCharsets.UTF_8);
    }

    public void append(Row row) throws IOException {
        rows.add(row);
        Files.writeString(path, row.csv() + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }
}
