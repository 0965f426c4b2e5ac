package org.glowzip.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.glowzip.codec.MeasuredRate;
import org.glowzip.codec.MeasuredRates;
import org.glowzip.codec.stream.GlowzipForm;
import org.junit.jupiter.api.Test;

/** Each bundled model's measured rate is the figure of glowzip's row in the committed results file it names. */
class MeasuredRatesResultsTest {
    /** The repository's root: tests run in the bench module's folder. */
    private static final Path REPOSITORY = Path.of("..");

    @Test
    void eachRateIsTheGlowzipRowOfItsResultsFile() throws IOException {
        for (MeasuredRate rate : MeasuredRates.bundled()) {
            String row = rate.form() == GlowzipForm.STREAM ? "glowzip-stream" : "glowzip-single";
            List<String> rows = Files.readAllLines(REPOSITORY.resolve(rate.results())).stream().filter(line -> line.startsWith(row + " ")).toList();
            assertTrue(!rows.isEmpty(), rate.results() + " has no " + row + " row");
            String figure = String.format(Locale.ROOT, "%.4f", rate.bitsPerSample());
            String last = rows.get(rows.size() - 1); // in a per-image table, the row of the means after the images
            assertTrue(Arrays.asList(last.split("\\s+")).contains(figure),
                    rate.model() + ": " + figure + " is not in " + rate.results() + "'s " + last);
            assertTrue(rate.command().startsWith("glowzip bench"), rate.command());
        }
    }
}
