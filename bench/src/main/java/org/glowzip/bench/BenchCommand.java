package org.glowzip.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.glowzip.bench.compare.ArchiveCodec;
import org.glowzip.bench.compare.BenchImage;
import org.glowzip.bench.compare.BenchRow;
import org.glowzip.bench.compare.BenchTable;
import org.glowzip.bench.compare.CodecRun;
import org.glowzip.bench.compare.Comparison;
import org.glowzip.bench.compare.ExternalTool;
import org.glowzip.bench.compare.ModelLikelihood;
import org.glowzip.bench.compare.PerImageCodec;
import org.glowzip.bench.compare.PerImageResults;
import org.glowzip.bench.compare.PerImageTable;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.ModelSet;
import org.glowzip.codec.image.Image;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glowzip bench}: bits per dimension and speed of glowzip against classical codecs on the
 * same images. Images of one size are measured as a set (a row per codec: glowzip's stream and
 * single images, the float model's NLL, PNG, archivers over the raw samples, cwebp and cjxl);
 * images of several sizes, or any with {@code --per-image}, a row per image and the means over
 * images of each sample format ({@link PerImageResults}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Compare glowzip with classical lossless codecs on the same images: bpd, speed, and a verified round trip each.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity;

    @Mixin
    ModelOption modelOption;

    @Mixin
    DataOption dataOption;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N images.")
    Integer limit;

    @Option(names = "--tool-limit", paramLabel = "N", defaultValue = "1000",
            description = "Run the external per-image tools (optipng, cwebp, cjxl), which start a process per image, on the first N images only,"
                    + " as the project's baselines do; 0 for all (default: ${DEFAULT-VALUE}).")
    int toolLimit;

    @Option(names = "--per-image", description = "A row per image (its bits per sample under each codec: PNG, the PNG file as given, optipng -o2,"
            + " cwebp, cjxl -e 7 and -e 9, glowzip's single-image form, and the model that coded glowzip's), then each codec's mean"
            + " over the images of each sample format (gray, RGB, ...) and its samples/s; the default when the images are not all of one size.")
    boolean perImage;

    @Option(names = "--format", defaultValue = "table", description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also write a bar chart of bpd (per image: of the means, a bar per sample format).")
    Path plot;

    enum Format { table, tsv, json }

    @Override
    public Integer call() throws Exception {
        if (toolLimit < 0) {
            throw new IllegalArgumentException("--tool-limit " + toolLimit + " is negative");
        }
        long decodeLimit = ImageCodec.heapSizedDecodeLimit(); // it decodes only what it encoded
        ImageCodec codec = modelOption.codec().withMaxDecodeSamples(decodeLimit);
        List<BenchImage> all = dataOption.benchImages();
        List<BenchImage> images = limit == null ? all : all.subList(0, Math.min(limit, all.size()));
        List<String> notes = new ArrayList<>();
        Comparison comparison = new Comparison(images, toolLimit, notes::add);
        boolean failed = perImage || !oneSize(images) ? perImage(modelOption.models().withMaxDecodeSamples(decodeLimit), comparison, images)
                : aggregate(codec, comparison, images, notes);
        notes.forEach(note -> spec.commandLine().getErr().println("note: " + note));
        return failed ? ExitCodes.RUNTIME_ERROR : 0;
    }

    private static boolean oneSize(List<BenchImage> images) {
        return images.stream().map(image -> image.image().width() + "x" + image.image().height()).distinct().count() <= 1;
    }

    /** The rows of a set of images of one size; true if a round trip failed. */
    private boolean aggregate(ImageCodec codec, Comparison comparison, List<BenchImage> images, List<String> notes) throws Exception {
        List<BenchRow> rows = new ArrayList<>();
        try (Progress progress = new Progress("glowzip", 4L * images.size(), "img", verbosity.quiet)) {
            Runnable tick = () -> progress.advance(1);
            rows.add(comparison.glowzipStream(codec, tick));
            rows.add(comparison.run(PerImageCodec.glowzip(ModelSet.of(List.of(codec))), tick).row());
        }
        List<Image> pixels = images.stream().map(BenchImage::image).toList();
        BenchRow likelihood = ModelLikelihood.row(codec.model(), pixels); // after glowzip: ND4J's threads stay busy a while
        if (likelihood == null) {
            notes.add("glow-nll skipped: the images do not all have the model's shape");
        } else {
            rows.add(0, likelihood);
        }
        rows.add(comparison.run(PerImageCodec.png(), () -> { }).row());
        for (ArchiveCodec archive : ArchiveCodec.all()) {
            rows.add(comparison.archive(archive));
        }
        for (ExternalTool tool : List.of(ExternalTool.cwebp(), ExternalTool.cjxl(9))) {
            PerImageCodec perImageTool = PerImageCodec.of(tool);
            Optional<Comparison> on = comparison.forCodec(perImageTool);
            if (on.isPresent()) {
                rows.add(on.get().run(perImageTool, () -> { }).row());
            }
        }
        System.out.print(switch (format) {
            case table -> BenchTable.table(rows);
            case tsv -> BenchTable.tsv(rows);
            case json -> BenchTable.json(rows);
        });
        if (plot != null) {
            BenchTable.plot(rows, "Lossless bpd on " + images.size() + " images (" + dataOption.describe() + ")", plot);
        }
        return rows.stream().anyMatch(BenchRow::failed);
    }

    /** A row per image and the means per sample format; true if a round trip failed. */
    private boolean perImage(ModelSet models, Comparison comparison, List<BenchImage> images) throws Exception {
        PerImageCodec glowzip = PerImageCodec.glowzip(models);
        PerImageCodec optipng = PerImageCodec.of(ExternalTool.optipng());
        List<PerImageCodec> codecs = List.of(PerImageCodec.png(), PerImageCodec.pngFile(), optipng, PerImageCodec.of(ExternalTool.cwebp()),
                PerImageCodec.of(ExternalTool.cjxl(7)), PerImageCodec.of(ExternalTool.cjxl(9)), glowzip);
        List<CodecRun> runs = new ArrayList<>();
        for (PerImageCodec perImageCodec : codecs) {
            Optional<Comparison> on = comparison.forCodec(perImageCodec);
            if (on.isPresent()) {
                try (Progress progress = new Progress(perImageCodec.name(), 2L * on.get().size(), "img", verbosity.quiet)) {
                    runs.add(on.get().run(perImageCodec, () -> progress.advance(1)));
                }
            }
        }
        PerImageResults results = new PerImageResults(images, runs, glowzip.name(), optipng.name());
        System.out.print(switch (format) {
            case table -> PerImageTable.table(results);
            case tsv -> PerImageTable.tsv(results);
            case json -> PerImageTable.json(results);
        });
        if (plot != null) {
            String counts = String.join(", ", results.groups().stream().map(group -> results.groupSize(group) + " " + group).toList());
            PerImageTable.plot(results, "Mean bits per sample over images: " + counts + " (" + dataOption.describe() + ")", plot);
        }
        return results.failed();
    }
}
