package org.glowzip.bench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.glowzip.codec.image.Image;

/**
 * Renders {@link PerImageResults} as a text table, TSV, JSON, or a bar chart of the means as PNG.
 * The text and TSV forms have two parts, a blank line between them: a row per image (its bits per
 * sample under each codec, a {@code model} column after each codec that names the model that coded
 * the image (glowzip's with the tiles its Glow coded, {@code photo-gray glow 0/221}), {@code -} where none did, and whether the subject codec's output is smaller than the
 * reference's), then a row per codec (its mean bits per sample over the images of each group, the
 * images it coded, its encode and decode rates in samples per second over all images it coded, and
 * whether every output decoded back to its image).
 */
public final class PerImageTable {
    private PerImageTable() {
    }

    public static String table(PerImageResults results) {
        List<CodecRun> runs = results.runs();
        List<BenchImage> images = results.images();
        int nameWidth = Math.max(5, images.stream().mapToInt(image -> image.name().length()).max().orElse(0));
        String smaller = results.subject() + " < " + results.reference();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s %-13s", "image", "size"));
        for (CodecRun run : runs) {
            out.append(String.format(Locale.ROOT, " %" + columnWidth(run) + "s", run.codec().name()));
            if (run.codec().namesModels()) {
                out.append(String.format(Locale.ROOT, " %-" + modelWidth(run) + "s", "model"));
            }
        }
        out.append("  ").append(smaller).append('\n');
        int larger = 0;
        for (int i = 0; i < images.size(); i++) {
            Image image = images.get(i).image();
            out.append(String.format(Locale.ROOT, "%-" + nameWidth + "s %-13s", images.get(i).name(), size(image)));
            for (CodecRun run : runs) {
                out.append(String.format(Locale.ROOT, " %" + columnWidth(run) + "s", bits(results.bitsPerSample(run, i))));
                if (run.codec().namesModels()) {
                    out.append(String.format(Locale.ROOT, " %-" + modelWidth(run) + "s", model(run, i)));
                }
            }
            Boolean isSmaller = results.subjectSmaller(i);
            larger += Boolean.FALSE.equals(isSmaller) ? 1 : 0;
            out.append("  ").append(isSmaller == null ? "-" : isSmaller ? "yes" : "NO").append('\n');
        }
        if (larger > 0) {
            out.append(String.format(Locale.ROOT, "%s is not smaller than %s on %d of %d images (marked NO)%n", results.subject(),
                    results.reference(), larger, images.size()));
        }
        List<String> groups = results.groups();
        out.append(String.format(Locale.ROOT, "%nbits per sample, mean over images%n%-15s %-22s", "codec", "setting"));
        for (String group : groups) {
            out.append(String.format(Locale.ROOT, " %17s", group + " (" + results.groupSize(group) + ")"));
        }
        out.append(String.format(Locale.ROOT, " %14s %14s %s%n", "enc samples/s", "dec samples/s", "verified"));
        for (CodecRun run : runs) {
            out.append(String.format(Locale.ROOT, "%-15s %-22s", run.codec().name(), run.codec().setting()));
            for (String group : groups) {
                PerImageResults.Mean mean = results.mean(run, group);
                String over = mean.images() == results.groupSize(group) ? "" : " (" + mean.images() + ")";
                out.append(String.format(Locale.ROOT, " %17s", bits(mean.bitsPerSample()) + over));
            }
            out.append(String.format(Locale.ROOT, " %14s %14s %s%n", rate(run.encodeSamplesPerSecond()), rate(run.decodeSamplesPerSecond()),
                    verified(run)));
        }
        return out.toString();
    }

    public static String tsv(PerImageResults results) {
        List<CodecRun> runs = results.runs();
        StringBuilder out = new StringBuilder("image\twidth\theight\tchannels");
        for (CodecRun run : runs) {
            out.append('\t').append(run.codec().name());
            if (run.codec().namesModels()) {
                out.append("\tmodel");
            }
        }
        out.append('\t').append(results.subject()).append('<').append(results.reference()).append('\n');
        for (int i = 0; i < results.images().size(); i++) {
            Image image = results.images().get(i).image();
            out.append(String.format(Locale.ROOT, "%s\t%d\t%d\t%d", results.images().get(i).name(), image.width(), image.height(), image.channels()));
            for (CodecRun run : runs) {
                out.append('\t').append(bits(results.bitsPerSample(run, i)));
                if (run.codec().namesModels()) {
                    out.append('\t').append(model(run, i));
                }
            }
            Boolean smaller = results.subjectSmaller(i);
            out.append('\t').append(smaller == null ? "-" : smaller ? "yes" : "no").append('\n');
        }
        out.append("\ncodec\tsetting");
        for (String group : results.groups()) {
            out.append("\tmean ").append(group).append("\timages ").append(group);
        }
        out.append("\tenc_samples_s\tdec_samples_s\tverified\n");
        for (CodecRun run : runs) {
            out.append(run.codec().name()).append('\t').append(run.codec().setting());
            for (String group : results.groups()) {
                PerImageResults.Mean mean = results.mean(run, group);
                out.append('\t').append(bits(mean.bitsPerSample())).append('\t').append(mean.images());
            }
            out.append(String.format(Locale.ROOT, "\t%s\t%s\t%s%n", rate(run.encodeSamplesPerSecond()), rate(run.decodeSamplesPerSecond()),
                    verified(run)));
        }
        return out.toString();
    }

    /**
     * One JSON object: {@code images}, a row per image with its {@code bytes} and
     * {@code bits_per_sample} per codec ({@code null} where the codec did not code it), its
     * {@code models} per codec that names them (the model that coded it, {@code null} where none did) and
     * {@code smaller_than_reference}; {@code codecs}, a row per codec with its {@code means} per group;
     * and the names of the {@code subject} and {@code reference} codecs.
     */
    public static String json(PerImageResults results) {
        List<CodecRun> runs = results.runs();
        List<String> imageRows = new ArrayList<>();
        for (int i = 0; i < results.images().size(); i++) {
            Image image = results.images().get(i).image();
            List<String> bytes = new ArrayList<>();
            List<String> bits = new ArrayList<>();
            List<String> models = new ArrayList<>();
            for (CodecRun run : runs) {
                long size = run.bytes(i);
                bytes.add(string(run.codec().name()) + ": " + (size == CodecRun.NOT_CODED ? "null" : Long.toString(size)));
                bits.add(string(run.codec().name()) + ": " + jsonNumber(results.bitsPerSample(run, i)));
                if (run.codec().namesModels()) {
                    models.add(string(run.codec().name()) + ": " + (run.model(i) == null ? "null" : string(run.model(i))));
                }
            }
            imageRows.add(String.format(Locale.ROOT, "    {\"image\": %s, \"width\": %d, \"height\": %d, \"channels\": %d, \"samples\": %d,"
                    + " \"bytes\": {%s}, \"bits_per_sample\": {%s}, \"models\": {%s}, \"smaller_than_reference\": %s}",
                    string(results.images().get(i).name()), image.width(), image.height(), image.channels(), image.sampleCount(),
                    String.join(", ", bytes), String.join(", ", bits), String.join(", ", models), results.subjectSmaller(i)));
        }
        List<String> codecRows = new ArrayList<>();
        for (CodecRun run : runs) {
            List<String> means = new ArrayList<>();
            for (String group : results.groups()) {
                PerImageResults.Mean mean = results.mean(run, group);
                means.add(String.format(Locale.ROOT, "%s: {\"images\": %d, \"bits_per_sample\": %s}", string(group), mean.images(),
                        jsonNumber(mean.bitsPerSample())));
            }
            codecRows.add(String.format(Locale.ROOT, "    {\"codec\": %s, \"setting\": %s, \"images\": %d, \"bytes\": %d, \"means\": {%s},"
                    + " \"enc_samples_s\": %.0f, \"dec_samples_s\": %.0f, \"verified\": \"%s\"}", string(run.codec().name()),
                    string(run.codec().setting()), run.images(), run.totalBytes(), String.join(", ", means), run.encodeSamplesPerSecond(),
                    run.decodeSamplesPerSecond(), verified(run)));
        }
        return "{\n  \"subject\": " + string(results.subject()) + ",\n  \"reference\": " + string(results.reference()) + ",\n  \"images\": [\n"
                + String.join(",\n", imageRows) + "\n  ],\n  \"codecs\": [\n" + String.join(",\n", codecRows) + "\n  ]\n}\n";
    }

    /** A bar chart of each codec's mean bits per sample, in the order of the runs, one bar per group; the subject highlighted. */
    public static void plot(PerImageResults results, String title, Path file) throws IOException {
        List<String> groups = results.groups();
        List<BarChart.Bars> bars = new ArrayList<>();
        for (CodecRun run : results.runs()) {
            double[] means = groups.stream().mapToDouble(group -> results.mean(run, group).bitsPerSample()).toArray();
            bars.add(new BarChart.Bars(run.codec().name(), means, run.codec().name().equals(results.subject())));
        }
        List<String> series = groups.stream().map(group -> group + " (" + results.groupSize(group) + ")").toList();
        BarChart.write(title, "bits per sample, mean over images (lower is better)", series, bars, file);
    }

    private static int columnWidth(CodecRun run) {
        return Math.max(7, run.codec().name().length());
    }

    /** The width of {@code run}'s model column: its longest model name, and at least its header. */
    private static int modelWidth(CodecRun run) {
        return Math.max(5, Arrays.stream(run.models()).filter(Objects::nonNull).mapToInt(String::length).max().orElse(0));
    }

    /** The model that coded image {@code i} under {@code run}, or {@code -} where none did. */
    private static String model(CodecRun run, int i) {
        return run.model(i) == null ? "-" : run.model(i);
    }

    private static String size(Image image) {
        return image.width() + "x" + image.height() + "x" + image.channels();
    }

    private static String bits(double bitsPerSample) {
        return Double.isNaN(bitsPerSample) ? "-" : String.format(Locale.ROOT, "%.4f", bitsPerSample);
    }

    private static String jsonNumber(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String rate(double samplesPerSecond) {
        return String.format(Locale.ROOT, "%.0f", samplesPerSecond);
    }

    private static String verified(CodecRun run) {
        return run.verified() ? "yes" : "no";
    }

    /** {@code text} as a JSON string: quotes, backslashes and control characters escaped. */
    private static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
