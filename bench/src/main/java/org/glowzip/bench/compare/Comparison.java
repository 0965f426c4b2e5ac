package org.glowzip.bench.compare;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.image.SampleFormat;
import org.glowzip.codec.stream.GlowzipReader;
import org.glowzip.codec.stream.GlowzipWriter;

/**
 * Compresses the same images with glowzip and with classical codecs and reports one
 * {@link BenchRow} per codec. Every row's output is decoded and compared with the input before
 * it is reported.
 */
public final class Comparison {
    private final List<Image> images;
    private final long samples;
    private final Consumer<String> notes;

    /** @param notes receives one line per skipped codec or other remark */
    public Comparison(List<Image> images, Consumer<String> notes) {
        this.images = List.copyOf(images);
        this.samples = images.stream().mapToLong(Image::sampleCount).sum();
        this.notes = notes;
    }

    /** The same comparison on the first {@code n} images. */
    public Comparison first(int n) {
        return new Comparison(images.subList(0, Math.min(n, images.size())), notes);
    }

    /** All images in one glowzip stream. */
    public BenchRow glowzipStream(ImageCodec codec, Runnable perImage) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        try (GlowzipWriter writer = codec.writer(out)) {
            for (Image image : images) {
                writer.write(image);
                perImage.run();
            }
        }
        double encode = seconds(start);
        start = System.nanoTime();
        boolean verified = true;
        try (GlowzipReader reader = codec.reader(new ByteArrayInputStream(out.toByteArray()))) {
            for (Image image : images) {
                verified &= image.equals(reader.read());
                perImage.run();
            }
            verified &= reader.read() == null;
        }
        return BenchRow.of("glowzip-stream", "block " + GlowzipWriter.DEFAULT_BLOCK_SAMPLES + " samples", images.size(), samples,
                out.size(), encode, seconds(start), verified);
    }

    /** Each image compressed alone, in the single-image form ({@link ImageCodec#encode}), on every core. */
    public BenchRow glowzipSingle(ImageCodec codec, Runnable perImage) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<byte[]> encoded = eachImage(i -> {
            byte[] bytes = codec.encode(images.get(i));
            perImage.run();
            return bytes;
        });
        double encode = seconds(start);
        start = System.nanoTime();
        boolean verified = !eachImage(i -> {
            boolean same = images.get(i).equals(codec.decode(encoded.get(i)));
            perImage.run();
            return same;
        }).contains(false);
        return BenchRow.of("glowzip-single", "single-image form, per image", images.size(), samples, total(encoded), encode, seconds(start),
                verified);
    }

    /** PNG through glowzip's own writer (adaptive filters, zlib level 6), one file per image. */
    public BenchRow png() throws IOException {
        List<byte[]> files = new ArrayList<>(images.size());
        long start = System.nanoTime();
        for (Image image : images) {
            files.add(ImageFormat.PNG.write(image));
        }
        double encode = seconds(start);
        start = System.nanoTime();
        boolean verified = true;
        for (int i = 0; i < images.size(); i++) {
            verified &= images.get(i).equals(ImageFormat.read(files.get(i)));
        }
        return BenchRow.of("png", "zlib 6, per image", images.size(), samples, total(files), encode, seconds(start), verified);
    }

    /** A general-purpose compressor over the concatenated raw samples. */
    public BenchRow archive(ArchiveCodec codec) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (Image image : images) {
            raw.write(image.samples());
        }
        byte[] input = raw.toByteArray();
        long start = System.nanoTime();
        byte[] compressed = codec.compress(input);
        double encode = seconds(start);
        start = System.nanoTime();
        boolean verified = Arrays.equals(input, codec.decompress(compressed));
        return BenchRow.of(codec.name(), codec.setting() + ", archive", images.size(), samples, compressed.length, encode, seconds(start), verified);
    }

    /** An external tool per image, on every core, or nothing (and a note) when it is not installed. */
    public List<BenchRow> external(ExternalTool tool) throws IOException, InterruptedException {
        if (!tool.available()) {
            notes.accept(tool.name() + " skipped: not on PATH");
            return List.of();
        }
        Path scratch = Files.createTempDirectory("glowzip-bench");
        try {
            long start = System.nanoTime();
            List<byte[]> files = eachImage(i -> tool.compress(ImageFormat.PNG.write(images.get(i)), scratch));
            double encode = seconds(start);
            start = System.nanoTime();
            boolean verified = !eachImage(i -> samplesOf(images.get(i)).equals(
                    inFormat(ImageFormat.read(tool.decompress(files.get(i), scratch)), images.get(i).format()))).contains(false);
            return List.of(BenchRow.of(tool.name(), tool.setting() + ", per image", images.size(), samples, total(files), encode,
                    seconds(start), verified));
        } finally {
            try (var files = Files.list(scratch)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(scratch);
        }
    }

    /** Work on image {@code i}. */
    private interface ImageTask<T> {
        T apply(int i) throws IOException, InterruptedException;
    }

    /**
     * The results of {@code task} for every image, in order, computed on one thread per core. Not
     * on the common pool: the codec's own parallel kernels run there, and must not wait behind
     * tasks that wait for them.
     */
    private <T> List<T> eachImage(ImageTask<T> task) throws IOException, InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<T>> results = new ArrayList<>(images.size());
            for (int i = 0; i < images.size(); i++) {
                int index = i;
                results.add(workers.submit(() -> task.apply(index)));
            }
            List<T> values = new ArrayList<>(images.size());
            for (Future<T> result : results) {
                values.add(result.get());
            }
            return values;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException("bench task failed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /** The image's samples without its metadata. */
    private static Image samplesOf(Image image) {
        return Image.of(image.width(), image.height(), image.format(), image.samples());
    }

    /**
     * A tool's decoded image in {@code format} where it holds the same values, metadata dropped:
     * tools may add an opaque alpha channel, write gray as RGB or RGB as gray, or add colour
     * chunks. Returned as decoded where the values differ.
     */
    private static Image inFormat(Image decoded, SampleFormat format) {
        SampleFormat from = decoded.format();
        if (from.bitDepth() != format.bitDepth() || format.hasAlpha() && !from.hasAlpha()) {
            return samplesOf(decoded);
        }
        int colours = from.isColour() ? 3 : 1;
        int[] values = new int[decoded.width() * decoded.height() * format.channels()];
        int i = 0;
        for (int y = 0; y < decoded.height(); y++) {
            for (int x = 0; x < decoded.width(); x++) {
                int first = decoded.value(y, x, 0);
                for (int c = 1; c < colours; c++) {
                    if (!format.isColour() && decoded.value(y, x, c) != first) {
                        return samplesOf(decoded);
                    }
                }
                for (int c = 0; c < (format.isColour() ? 3 : 1); c++) {
                    values[i++] = decoded.value(y, x, colours == 3 ? c : 0);
                }
                if (format.hasAlpha()) {
                    values[i++] = decoded.value(y, x, colours);
                } else if (from.hasAlpha() && decoded.value(y, x, colours) != from.maxValue()) {
                    return samplesOf(decoded);
                }
            }
        }
        return Image.ofValues(decoded.width(), decoded.height(), format, values);
    }

    private static long total(List<byte[]> files) {
        return files.stream().mapToLong(file -> file.length).sum();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
