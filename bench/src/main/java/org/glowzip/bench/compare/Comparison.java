package org.glowzip.bench.compare;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.stream.GlowzipReader;
import org.glowzip.codec.stream.GlowzipWriter;

/**
 * Compresses the same images with glowzip and with classical codecs. Every output is decoded and
 * compared with its input before it is reported.
 */
public final class Comparison {
    private final List<BenchImage> images;
    private final long samples;
    private final int toolLimit;
    private final Consumer<String> notes;

    /**
     * @param toolLimit the codecs that start a process per image run on this many images (the first), or 0 for all
     * @param notes receives one line per skipped codec or other remark
     */
    public Comparison(List<BenchImage> images, int toolLimit, Consumer<String> notes) {
        if (toolLimit < 0) {
            throw new IllegalArgumentException("tool limit " + toolLimit + " is negative");
        }
        this.images = List.copyOf(images);
        this.samples = images.stream().mapToLong(image -> image.image().sampleCount()).sum();
        this.toolLimit = toolLimit;
        this.notes = notes;
    }

    /** How many images it compares on. */
    public int size() {
        return images.size();
    }

    /**
     * The comparison to run {@code codec} on: this one, or its first images for a codec that starts a
     * process per image; empty, with a note, when the codec's programs are not installed.
     */
    public Optional<Comparison> forCodec(PerImageCodec codec) {
        if (!codec.available()) {
            notes.accept(codec.name() + " skipped: " + String.join(" or ", codec.programs()) + " not on PATH");
            return Optional.empty();
        }
        boolean limited = codec.startsProcesses() && toolLimit > 0 && toolLimit < images.size();
        return Optional.of(limited ? new Comparison(images.subList(0, toolLimit), toolLimit, notes) : this);
    }

    /** All images in one glowzip stream. */
    public BenchRow glowzipStream(ImageCodec codec, Runnable perImage) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        try (GlowzipWriter writer = codec.writer(out)) {
            for (BenchImage image : images) {
                writer.write(image.image());
                perImage.run();
            }
        }
        double encode = seconds(start);
        start = System.nanoTime();
        boolean verified = true;
        try (GlowzipReader reader = codec.reader(new ByteArrayInputStream(out.toByteArray()))) {
            for (BenchImage image : images) {
                verified &= image.image().equals(reader.read());
                perImage.run();
            }
            verified &= reader.read() == null;
        }
        return BenchRow.of("glowzip-stream", "block " + GlowzipWriter.DEFAULT_BLOCK_SAMPLES + " samples", images.size(), samples,
                out.size(), encode, seconds(start), verified);
    }

    /**
     * Each image compressed alone by {@code codec}, on every core, then each output decoded and
     * compared with its image; {@code perImage} runs after each image's encoding and after its decoding.
     */
    public CodecRun run(PerImageCodec codec, Runnable perImage) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<byte[]> encoded = eachImage(i -> {
            byte[] bytes = codec.encoder().encode(images.get(i));
            perImage.run();
            return bytes;
        });
        double encode = seconds(start);
        start = System.nanoTime();
        boolean verified = !eachImage(i -> {
            boolean same = encoded.get(i) == null || codec.decoder().decodesTo(encoded.get(i), images.get(i).image());
            perImage.run();
            return same;
        }).contains(false);
        double decode = seconds(start);
        long[] bytes = new long[images.size()];
        String[] models = new String[images.size()];
        long coded = 0;
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = encoded.get(i) == null ? CodecRun.NOT_CODED : encoded.get(i).length;
            models[i] = encoded.get(i) == null ? null : codec.modelNamer().modelOf(encoded.get(i));
            coded += encoded.get(i) == null ? 0 : images.get(i).image().sampleCount();
        }
        return new CodecRun(codec, bytes, models, coded, encode, decode, verified);
    }

    /** A general-purpose compressor over the concatenated raw samples. */
    public BenchRow archive(ArchiveCodec codec) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (BenchImage image : images) {
            raw.write(image.image().samples());
        }
        byte[] input = raw.toByteArray();
        long start = System.nanoTime();
        byte[] compressed = codec.compress(input);
        double encode = seconds(start);
        start = System.nanoTime();
        boolean verified = Arrays.equals(input, codec.decompress(compressed));
        return BenchRow.of(codec.name(), codec.setting() + ", archive", images.size(), samples, compressed.length, encode, seconds(start), verified);
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

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
