package org.glowzip.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.glowzip.bench.io.ImageInputs;
import org.glowzip.bench.io.NamedImage;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.stream.GlowzipWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code glowzip compress}: images in, one glowzip stream out. */
@Command(name = "compress", mixinStandardHelpOptions = true,
        description = "Compress images (PNG/PGM/PPM files, directories, tar/tar.gz/zip archives, IDX files, or - for stdin) into one stream.")
final class CompressCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Mixin
    ModelOption modelOption;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Inputs, in order.")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.glz", description = "Output stream file, or - for stdout.")
    String output;

    @Override
    public Integer call() throws Exception {
        ImageCodec codec = modelOption.codec();
        List<NamedImage> images = ImageInputs.read(inputs);
        long samples = 0;
        long bytes;
        try (OutputStream out = output.equals("-") ? System.out : new BufferedOutputStream(Files.newOutputStream(Path.of(output)));
                GlowzipWriter writer = codec.writer(out);
                Progress progress = new Progress("compress", images.size(), "img", verbosity.quiet)) {
            for (NamedImage image : images) {
                writer.write(image.image());
                samples += image.image().sampleCount();
                progress.advance(1);
            }
            writer.close();
            bytes = writer.byteCount();
        }
        if (!verbosity.quiet) {
            System.err.printf(Locale.ROOT, "%d images, %d samples -> %d bytes, %.4f bpd%n", images.size(), samples, bytes,
                    samples == 0 ? 0 : 8.0 * bytes / samples);
        }
        return 0;
    }
}
