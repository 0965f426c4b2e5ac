package org.glowzip.bench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Renders benchmark rows as a text table, TSV, JSON, or a bar chart of bpd as PNG ({@link BarChart}). */
public final class BenchTable {
    private BenchTable() {
    }

    public static String table(List<BenchRow> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-15s %-34s %7s %11s %7s %10s %10s %s%n",
                "codec", "setting", "images", "bytes", "bpd", "enc img/s", "dec img/s", "verified"));
        for (BenchRow r : rows) {
            out.append(String.format(Locale.ROOT, "%-15s %-34s %7d %11d %7.4f %10s %10s %s%n", r.codec(), r.setting(), r.images(),
                    r.bytes(), r.bpd(), rate(r.encodeImagesPerSecond()), rate(r.decodeImagesPerSecond()), r.verified()));
        }
        return out.toString();
    }

    public static String tsv(List<BenchRow> rows) {
        StringBuilder out = new StringBuilder(String.join("\t", BenchRow.COLUMNS)).append('\n');
        for (BenchRow r : rows) {
            out.append(String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%.4f\t%s\t%s\t%s%n", r.codec(), r.setting(), r.images(), r.bytes(),
                    r.bpd(), rate(r.encodeImagesPerSecond()), rate(r.decodeImagesPerSecond()), r.verified()));
        }
        return out.toString();
    }

    public static String json(List<BenchRow> rows) {
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < rows.size(); i++) {
            BenchRow r = rows.get(i);
            out.append(String.format(Locale.ROOT, "  {\"codec\": \"%s\", \"setting\": \"%s\", \"images\": %d, \"bytes\": %d, \"bpd\": %.4f, "
                    + "\"enc_img_s\": %s, \"dec_img_s\": %s, \"verified\": \"%s\"}%s%n", r.codec(), r.setting(), r.images(), r.bytes(),
                    r.bpd(), jsonRate(r.encodeImagesPerSecond()), jsonRate(r.decodeImagesPerSecond()), r.verified(), i + 1 < rows.size() ? "," : ""));
        }
        return out.append("]\n").toString();
    }

    private static String rate(double imagesPerSecond) {
        return Double.isNaN(imagesPerSecond) ? "-" : String.format(Locale.ROOT, "%.1f", imagesPerSecond);
    }

    private static String jsonRate(double imagesPerSecond) {
        return Double.isNaN(imagesPerSecond) ? "null" : String.format(Locale.ROOT, "%.1f", imagesPerSecond);
    }

    /** A horizontal bar chart of bpd per codec, lowest first, glowzip rows highlighted. */
    public static void plot(List<BenchRow> rows, String title, Path file) throws IOException {
        List<BarChart.Bars> bars = rows.stream().sorted(Comparator.comparingDouble(BenchRow::bpd))
                .map(row -> new BarChart.Bars(row.codec(), new double[] {row.bpd()}, row.codec().startsWith("glow"))).toList();
        BarChart.write(title, "bits per dimension (lower is better)", List.of("bpd"), bars, file);
    }
}
