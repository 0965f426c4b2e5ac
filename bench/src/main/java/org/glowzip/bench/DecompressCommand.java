package org.glowzip.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.stream.GlowzipForm;
import org.glowzip.codec.stream.GlowzipReader;
import org.glowzip.codec.stream.SingleImageFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code glowzip decompress}: a single image or a stream in; PNGs out, into a directory ({@code 000000.png}, ...),
 * one image file, or a tar ({@code OUT.tar}, or {@code -} for stdout).
 */
@Command(name = "decompress", mixinStandardHelpOptions = true,
        description = "Decompress a single image or a stream into PNG files in a directory, one image file (.png/.pgm/.ppm), or a tar (.tar or - for stdout).")
final class DecompressCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Mixin
    ModelOption modelOption;

    @Parameters(paramLabel = "IN.glz", description = "Single-image or stream file, or - for stdin.")
    String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR|FILE|-", description = "Where the images go.")
    String output;

    @Override
    public Integer call() throws Exception {
        ImageCodec codec = modelOption.codec();
        long count = 0;
        try (InputStream in = new BufferedInputStream(input.equals("-") ? System.in : Files.newInputStream(Path.of(input)))) {
            if (GlowzipForm.of(in) == GlowzipForm.SINGLE_IMAGE) {
                Image image = codec.decode(SingleImageFormat.readAll(in));
                try (Sink sink = sink()) {
                    sink.accept(count++, image);
                }
            } else {
                try (GlowzipReader reader = codec.reader(in);
                        Sink sink = sink()) {
                    for (Image image = reader.read(); image != null; image = reader.read()) {
                        sink.accept(count++, image);
                        if (!verbosity.quiet && count % 100 == 0) {
                            System.err.printf(Locale.ROOT, "\rdecompressed %d images", count);
                        }
                    }
                }
            }
        }
        if (!verbosity.quiet) {
            System.err.printf(Locale.ROOT, "\rdecompressed %d images%n", count);
        }
        return 0;
    }

    /** Where decoded images go. */
    private interface Sink extends AutoCloseable {
        void accept(long index, Image image) throws Exception;
    }

    private Sink sink() throws Exception {
        String lower = output.toLowerCase(Locale.ROOT);
        if (output.equals("-") || lower.endsWith(".tar")) {
            OutputStream out = output.equals("-") ? System.out : new BufferedOutputStream(Files.newOutputStream(Path.of(output)));
            TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
            return new Sink() {
                @Override
                public void accept(long index, Image image) throws Exception {
                    ImageFormat format = ImageFormat.of(image);
                    byte[] file = format.write(image);
                    TarArchiveEntry entry = new TarArchiveEntry(String.format(Locale.ROOT, "%06d.%s", index, format.extension(image)));
                    entry.setSize(file.length);
                    tar.putArchiveEntry(entry);
                    tar.write(file);
                    tar.closeArchiveEntry();
                }

                @Override
                public void close() throws Exception {
                    tar.close();
                }
            };
        }
        if (lower.endsWith(".png") || lower.endsWith(".pgm") || lower.endsWith(".ppm")) {
            ImageFormat format = lower.endsWith(".png") ? ImageFormat.PNG : ImageFormat.PNM;
            return new Sink() {
                @Override
                public void accept(long index, Image image) throws Exception {
                    if (index > 0) {
                        throw new IllegalArgumentException("the stream holds more than one image; give a directory or a .tar");
                    }
                    Files.write(Path.of(output), format.write(image));
                }

                @Override
                public void close() {
                }
            };
        }
        Path directory = Files.createDirectories(Path.of(output));
        return new Sink() {
            @Override
            public void accept(long index, Image image) throws Exception {
                ImageFormat format = ImageFormat.of(image);
                Files.write(directory.resolve(String.format(Locale.ROOT, "%06d.%s", index, format.extension(image))), format.write(image));
            }

            @Override
            public void close() {
            }
        };
    }
}
