package org.glowzip.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
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

/** {@code glowzip compress}: images in; one image in the single-image form, or a glowzip stream of them, out. */
@Command(name = "compress", mixinStandardHelpOptions = true,
        description = "Compress images (PNG/PGM/PPM files, directories, tar/tar.gz/zip archives, IDX files, or - for stdin):"
                + " exactly one image into the compact single-image form, more into one stream.")
final class CompressCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Mixin
    ModelOption modelOption;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Inputs, in order.")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.glz", description = "Output file, or - for stdout.")
    String output;

    @Option(names = "--stream", description = "Write a stream even for one image (the form the server's /v1/decompress takes).")
    boolean stream;

    @Override
    public Integer call() throws Exception {
        ImageCodec codec = modelOption.codec();
        List<NamedImage> images = ImageInputs.read(inputs);
        boolean single = images.size() == 1 && !stream;
        long samples = images.stream().mapToLong(image -> image.image().sampleCount()).sum();
        long bytes;
        try (OutputStream out = output.equals("-") ? System.out : new BufferedOutputStream(Files.newOutputStream(Path.of(output)))) {
            bytes = single ? writeSingle(codec, images.get(0), out) : writeStream(codec, images, out);
        }
        if (!verbosity.quiet) {
            System.err.printf(Locale.ROOT, "%d images, %d samples -> %d bytes, %.4f bpd (%s)%n", images.size(), samples, bytes,
                    samples == 0 ? 0 : 8.0 * bytes / samples, single ? "single-image form" : "stream");
        }
        return 0;
    }

    private static long writeSingle(ImageCodec codec, NamedImage image, OutputStream out) throws IOException {
        byte[] bytes = codec.encode(image.image());
        out.write(bytes);
        return bytes.length;
    }

    private long writeStream(ImageCodec codec, List<NamedImage> images, OutputStream out) throws IOException {
        try (GlowzipWriter writer = codec.writer(out);
                Progress progress = new Progress("compress", images.size(), "img", verbosity.quiet)) {
            for (NamedImage image : images) {
                writer.write(image.image());
                progress.advance(1);
            }
            writer.close();
            return writer.byteCount();
        }
    }
}
