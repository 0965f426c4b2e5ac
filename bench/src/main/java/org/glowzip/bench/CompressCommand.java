package org.glowzip.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.glowzip.bench.io.InputFiles;
import org.glowzip.bench.io.StandardStreams;
import org.glowzip.bench.io.StagedOutput;
import org.glowzip.codec.ModelSet;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.input.ImageInputs;
import org.glowzip.codec.input.ImageSource;
import org.glowzip.codec.input.InputRejectedException;
import org.glowzip.codec.stream.GlowzipWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code glowzip compress}: images in, read one at a time through the codec's input layer; one
 * image in the single-image form, or a glowzip stream of them, out. The output file appears only
 * when it is complete ({@link StagedOutput}).
 */
@Command(name = "compress", mixinStandardHelpOptions = true,
        description = "Compress images (PNG/PGM/PPM files, IDX files, tar/zip archives, gzip of any of these, directories, or - for stdin):"
                + " exactly one image into the compact single-image form, more into one stream.")
final class CompressCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Mixin
    ModelOption modelOption;

    @Mixin
    InputLimitOptions limitOptions;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Inputs, in order.")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.glz", description = "Output file, or - for stdout.")
    String output;

    @Option(names = "--stream", description = "Write a stream even for one image (the form the server's /v1/decompress takes).")
    boolean stream;

    @Override
    public Integer call() throws Exception {
        for (String input : inputs) {
            InputFiles.check(input, true);
        }
        ImageInputs reader = new ImageInputs(limitOptions.limits());
        List<ImageInputs.Opener> openers = inputs.stream().map(input -> (ImageInputs.Opener) () -> input.equals(InputFiles.STDIN)
                ? reader.open(InputFiles.open(input), InputFiles.name(input)) : reader.open(Path.of(input))).toList();
        boolean toStdout = output.equals("-");
        try (ImageSource images = ImageInputs.concat(openers)) {
            Image first = images.next(); // every input holds an image, or is refused
            Image second = images.next();
            boolean single = second == null && !stream;
            ModelSet models = modelOption.models();
            Summary summary;
            try (StagedOutput staged = toStdout ? null : StagedOutput.file(Path.of(output));
                    OutputStream out = new BufferedOutputStream(toStdout ? StandardStreams.out() : Files.newOutputStream(staged.path()))) {
                summary = single ? writeSingle(models, first, out) : writeStream(models, first, second, images, out);
                out.flush(); // everything is in the file before it takes the target's name
                if (staged != null) {
                    staged.commit();
                }
            }
            if (!verbosity.quiet) {
                System.err.printf(Locale.ROOT, "%d images, %d samples -> %d bytes, %.4f bpd (%s)%n", summary.images, summary.samples,
                        summary.bytes, 8.0 * summary.bytes / summary.samples, single ? "single-image form" : "stream");
            }
        } catch (InputRejectedException e) {
            throw InputLimitOptions.explained(e);
        }
        return 0;
    }

    private record Summary(long images, long samples, long bytes) {
    }

    private static Summary writeSingle(ModelSet models, Image image, OutputStream out) throws IOException {
        byte[] bytes = models.encode(image);
        out.write(bytes);
        return new Summary(1, image.sampleCount(), bytes.length);
    }

    /**
     * The images into a stream, in order, each coded with the model of the set that its shape's
     * trial picks ({@link ModelSet#writer}); the writer is closed, writing its last blocks, only
     * once every image has been read.
     */
    private Summary writeStream(ModelSet models, Image first, Image second, ImageSource rest, OutputStream out) throws IOException {
        try (Progress progress = new Progress("compress", Progress.UNKNOWN, "img", verbosity.quiet)) {
            GlowzipWriter writer = models.writer(out);
            long samples = 0;
            Image image = first;
            Image following = second;
            while (image != null) {
                writer.write(image);
                samples += image.sampleCount();
                progress.advance(1);
                image = following;
                following = rest.next(); // null again once the images have ended
            }
            writer.close();
            return new Summary(writer.imageCount(), samples, writer.byteCount());
        }
    }
}
