package org.glowzip.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.glowzip.bench.compare.ArchiveCodec;
import org.glowzip.bench.compare.BenchRow;
import org.glowzip.bench.compare.BenchTable;
import org.glowzip.bench.compare.Comparison;
import org.glowzip.bench.compare.ExternalTool;
import org.glowzip.bench.compare.ModelLikelihood;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.image.Image;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glowzip bench}: bits per dimension and speed of glowzip against classical codecs on the same images. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Compare glowzip with classical lossless codecs on the same images: bpd, speed, and a verified round trip each.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Mixin
    ModelOption modelOption;

    @Mixin
    DataOption dataOption;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N images.")
    Integer limit;

    @Option(names = "--tool-limit", paramLabel = "N", defaultValue = "1000",
            description = "Run the external per-image tools (cwebp, cjxl), which start a process per image, on the first N images only,"
                    + " as the project's baselines do; 0 for all (default: ${DEFAULT-VALUE}).")
    int toolLimit;

    @Option(names = "--format", defaultValue = "table", description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also write a bar chart of bpd.")
    Path plot;

    enum Format { table, tsv, json }

    @Override
    public Integer call() throws Exception {
        ImageCodec codec = modelOption.codec();
        List<Image> all = dataOption.images();
        List<Image> images = limit == null ? all : all.subList(0, Math.min(limit, all.size()));
        List<String> notes = new ArrayList<>();
        Comparison comparison = new Comparison(images, notes::add);
        List<BenchRow> rows = new ArrayList<>();
        try (Progress progress = new Progress("glowzip", 4L * images.size(), "img", verbosity.quiet)) {
            Runnable tick = () -> progress.advance(1);
            rows.add(comparison.glowzipStream(codec, tick));
            rows.add(comparison.glowzipSingle(codec, tick));
        }
        BenchRow likelihood = ModelLikelihood.row(codec.model(), images); // after glowzip: ND4J's threads stay busy a while
        if (likelihood == null) {
            notes.add("glow-nll skipped: the images do not all have the model's shape");
        } else {
            rows.add(0, likelihood);
        }
        rows.add(comparison.png());
        for (ArchiveCodec archive : ArchiveCodec.all()) {
            rows.add(comparison.archive(archive));
        }
        Comparison toolImages = toolLimit > 0 ? comparison.first(toolLimit) : comparison;
        for (ExternalTool tool : ExternalTool.all()) {
            rows.addAll(toolImages.external(tool));
        }
        System.out.print(switch (format) {
            case table -> BenchTable.table(rows);
            case tsv -> BenchTable.tsv(rows);
            case json -> BenchTable.json(rows);
        });
        notes.forEach(note -> System.err.println("note: " + note));
        if (plot != null) {
            BenchTable.plot(rows, "Lossless bpd on " + images.size() + " images (" + dataOption.describe() + ")", plot);
        }
        return rows.stream().anyMatch(BenchRow::failed) ? ExitCodes.RUNTIME_ERROR : 0;
    }
}
