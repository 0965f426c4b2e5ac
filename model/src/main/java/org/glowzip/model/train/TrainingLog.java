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
 * {@code step,epoch,train_bpd,test_bpd,learning_rate,images_per_second,skipped_steps,hours};
 * {@code test_bpd} is empty on rows without an evaluation; {@code hours} is the run's wall-clock
 * time (training and evaluation) up to the row, summed over its resumptions. Appends, so a resumed
 * run continues the same file. A log written before {@code hours} was recorded gets it estimated
 * from each row's {@code images_per_second} (training only) when it is opened.
 */
public final class TrainingLog {
    static final String HEADER = "step,epoch,train_bpd,test_bpd,learning_rate,images_per_second,skipped_steps,hours";
    /** The header of logs written before the hours were recorded. */
    private static final String HEADER_WITHOUT_HOURS = HEADER.substring(0, HEADER.lastIndexOf(','));

    /** One row of the log. {@code testBpd} is NaN when not evaluated. */
    public record Row(long step, double epoch, double trainBpd, double testBpd, double learningRate,
            double imagesPerSecond, long skippedSteps, double hours) {
        String csv() {
            return String.format(Locale.ROOT, "%d,%.4f,%.5f,%s,%.3g,%.1f,%d,%.4f", step, epoch, trainBpd,
                    Double.isNaN(testBpd) ? "" : String.format(Locale.ROOT, "%.5f", testBpd), learningRate,
                    imagesPerSecond, skippedSteps, hours);
        }

        static Row parse(String line) {
            String[] f = line.split(",", -1);
            return new Row(Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    f[3].isEmpty() ? Double.NaN : Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Long.parseLong(f[6]), f.length > 7 ? Double.parseDouble(f[7]) : Double.NaN);
        }

        private Row withHours(double newHours) {
            return new Row(step, epoch, trainBpd, testBpd, learningRate, imagesPerSecond, skippedSteps, newHours);
        }
    }

    private final Path path;
    private final List<Row> rows = new ArrayList<>();

    /**
     * Opens {@code path}, keeping the rows up to {@code resumedStep} of an existing log; rows
     * without hours get them estimated from {@code imagesPerStep} images a step at each row's rate.
     */
    public TrainingLog(Path path, long resumedStep, double imagesPerStep) throws IOException {
        this.path = path;
        if (Files.exists(path)) {
            rows.addAll(read(path, resumedStep, imagesPerStep));
        }
        rewrite();
    }

    /**
     * The rows of the log at {@code path} up to step {@code lastStep}, without changing the file;
     * rows without hours get them estimated from {@code imagesPerStep} images a step at each row's rate.
     */
    public static List<Row> read(Path path, long lastStep, double imagesPerStep) throws IOException {
        List<Row> rows = new ArrayList<>();
        long previousStep = 0;
        double hours = 0;
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.equals(HEADER) && !line.equals(HEADER_WITHOUT_HOURS)) {
                Row row = Row.parse(line);
                if (row.step() > lastStep) {
                    break;
                }
                hours = Double.isNaN(row.hours()) ? hours + (row.step() - previousStep) * imagesPerStep / row.imagesPerSecond() / 3600
                        : row.hours();
                rows.add(row.withHours(hours));
                previousStep = row.step();
            }
        }
        return rows;
    }

    /** The hours of the last row kept, where a resumed run's clock goes on from; 0 for a new log. */
    public double hours() {
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).hours();
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
