package org.glowzip.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.glowzip.bench.io.InputFiles;
import org.glowzip.bench.io.StandardStreams;
import org.glowzip.bench.io.StagedOutput;
import org.glowzip.codec.ModelSet;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.input.InputRejectedException;
import org.glowzip.codec.stream.GlowzipForm;
import org.glowzip.codec.stream.GlowzipReader;
import org.glowzip.codec.stream.SingleImageFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code glowzip decompress}: a single image or a stream in; PNGs out, into a directory ({@code 000000.png}, ...),
 * one image file, or a tar ({@code OUT.tar}, or {@code -} for stdout). A file or directory output appears only
 * once the whole input has decoded and checked out ({@link StagedOutput}); a failure leaves nothing behind.
 */
@Command(name = "decompress", mixinStandardHelpOptions = true,
        description = "Decompress a single image or a stream into PNG files in a directory, one image file (.png/.pgm/.ppm), or a tar (.tar or - for stdout)."
                + " Nothing is written unless the whole input decodes.")
final class DecompressCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Mixin
    ModelOption modelOption;

    @Mixin
    DecodeLimitOption decodeLimit;

    @Parameters(paramLabel = "IN.glz", description = "Single-image or stream file, or - for stdin.")
    String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR|FILE|-", description = "Where the images go.")
    String output;

    @Override
    public Integer call() throws Exception {
        InputFiles.check(input, false);
        ModelSet models = decodeLimit.apply(modelOption.models());
        long count = 0;
        try (InputStream in = new BufferedInputStream(InputFiles.open(input));
                Sink sink = sink()) {
            if (GlowzipForm.of(in) == GlowzipForm.SINGLE_IMAGE) {
                sink.accept(count++, models.decode(SingleImageFormat.readAll(in)));
            } else {
                try (GlowzipReader reader = models.reader(in)) {
                    for (Image image = reader.read(); image != null; image = reader.read()) {
                        sink.accept(count++, image);
                        if (!verbosity.quiet && count % 100 == 0) {
                            System.err.printf(Locale.ROOT, "\rdecompressed %d images", count);
                        }
                    }
                }
            }
            sink.commit();
        } catch (MalformedStreamException e) {
            throw InputFiles.named(input, e);
        }
        if (!verbosity.quiet) {
            System.err.printf(Locale.ROOT, "\rdecompressed %d images%n", count);
        }
        return 0;
    }

    /** Where decoded images go: nothing of it is visible before {@link #commit}, and closing without it removes it all. */
    private interface Sink extends AutoCloseable {
        void accept(long index, Image image) throws IOException;

        void commit() throws IOException;

        @Override
        void close() throws IOException;
    }

    private Sink sink() throws IOException {
        String lower = output.toLowerCase(Locale.ROOT);
        if (output.equals("-") || lower.endsWith(".tar")) {
            return tar(output.equals("-") ? null : StagedOutput.file(Path.of(output)));
        }
        if (lower.endsWith(".png") || lower.endsWith(".pgm") || lower.endsWith(".ppm")) {
            return imageFile(lower.endsWith(".png") ? ImageFormat.PNG : ImageFormat.PNM, StagedOutput.file(Path.of(output)));
        }
        return directory(StagedOutput.directory(Path.of(output)));
    }

    /** Image files {@code 000000.png}, ... in a tar: a staged file, or standard output if {@code staged} is null. */
    private Sink tar(StagedOutput staged) throws IOException {
        OutputStream out = staged == null ? StandardStreams.out() : Files.newOutputStream(staged.path());
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new BufferedOutputStream(out));
        return new Sink() {
            @Override
            public void accept(long index, Image image) throws IOException {
                ImageFormat format = ImageFormat.of(image);
                byte[] file = file(format, image, index);
                TarArchiveEntry entry = new TarArchiveEntry(fileName(index, format, image));
                entry.setSize(file.length);
                tar.putArchiveEntry(entry);
                tar.write(file);
                tar.closeArchiveEntry();
            }

            @Override
            public void commit() throws IOException {
                tar.close();
                if (staged != null) {
                    staged.commit();
                }
            }

            @Override
            public void close() throws IOException {
                try (staged) {
                    out.close();
                }
            }
        };
    }

    /** The one image of the input in one file of {@code format}. */
    private Sink imageFile(ImageFormat format, StagedOutput staged) {
        return staged(staged, (index, image) -> {
            if (index > 0) {
                throw new IllegalArgumentException(InputFiles.name(input) + " holds more than one image; give a directory or a .tar");
            }
            Files.write(staged.path(), file(format, image, index));
        });
    }

    /** Image files {@code 000000.png}, ... in a directory. */
    private Sink directory(StagedOutput staged) {
        return staged(staged, (index, image) -> {
            ImageFormat format = ImageFormat.of(image);
            Files.write(staged.path().resolve(fileName(index, format, image)), file(format, image, index));
        });
    }

    /** What a sink does with each image. */
    private interface ImageConsumer {
        void accept(long index, Image image) throws IOException;
    }

    /** A sink whose images go into {@code staged}, committed or removed with it. */
    private static Sink staged(StagedOutput staged, ImageConsumer images) {
        return new Sink() {
            @Override
            public void accept(long index, Image image) throws IOException {
                images.accept(index, image);
            }

            @Override
            public void commit() throws IOException {
                staged.commit();
            }

            @Override
            public void close() throws IOException {
                staged.close();
            }
        };
    }

    /**
     * Image {@code index} of the input as a file of {@code format}. Writing an image as the file it
     * came as ({@link ImageFormat#of}) fails only if its metadata is not what that file's writer
     * can use, or its samples do not fit it: a damaged input, refused as undecodable (exit 3).
     * Another format that cannot hold the image is the output's mistake, and stays one.
     */
    private byte[] file(ImageFormat format, Image image, long index) throws InputRejectedException {
        try {
            return format.write(image);
        } catch (IllegalArgumentException e) {
            if (format != ImageFormat.of(image)) {
                throw e;
            }
            throw new InputRejectedException(InputRejectedException.Reason.UNDECODABLE,
                    InputFiles.name(input) + ": image " + index + " cannot be written as " + format + ": " + e.getMessage(), e);
        }
    }

    /** {@code 000000.png}, ... or {@code .pgm}/{@code .ppm} for images that came as PGM/PPM (see {@link ImageFormat#of}). */
    private static String fileName(long index, ImageFormat format, Image image) {
        return String.format(Locale.ROOT, "%06d.%s", index, format.extension(image));
    }
}
