package org.glowzip.server.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.model.CouplingType;
import org.glowzip.codec.model.GlowConfig;
import org.glowzip.codec.model.ModelFile;
import org.glowzip.codec.model.ModelFileReader;
import org.glowzip.codec.stream.GlowzipReader;
import org.glowzip.codec.stream.GlowzipWriter;
import org.glowzip.server.Bodies;
import org.glowzip.server.GlowServer;
import org.glowzip.server.GlowServerConfig;
import org.glowzip.server.ServedModel;
import org.glowzip.server.TestModels;

/**
 * Load benchmark of the compression server on loopback: images/s and p50/p99 request latency of
 * {@code POST /v1/compress} at 1, 4 and 16 concurrent clients, and the ratio of the server's
 * throughput to in-process {@link ImageCodec} throughput with as many threads as the server has
 * workers (the saturation ceiling).
 *
 * <pre>
 * cd server &amp;&amp; mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.glowzip.server.bench.LoadBenchmark \
 *      [--model FILE.gzm] [--idx IMAGES-idx3-ubyte[.gz]] [--images 2000] [--batch 50] [--seconds 8] [--workers N] [--clients 1,4,16]
 * </pre>
 * Without {@code --model} a random-weight Glow of 2 levels x 4 steps x 32 hidden channels on
 * 28 x 28 gray is used (random weights: the coding work is real, most blocks are then stored raw);
 * without {@code --idx} structured synthetic 28 x 28 images. Every response is checked to decode.
 */
public final class LoadBenchmark {
    public static void main(String[] args) throws Exception {
        Path modelPath = null;
        Path idxPath = null;
        int imageCount = 2000;
        int batch = 50;
        double seconds = 8;
        int workers = Runtime.getRuntime().availableProcessors();
        int[] clientCounts = {1, 4, 16};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--model" -> modelPath = Path.of(args[++i]);
                case "--idx" -> idxPath = Path.of(args[++i]);
                case "--images" -> imageCount = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--clients" -> clientCounts = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ModelFile model = modelPath != null ? ModelFileReader.read(modelPath)
                : RandomModels.of(new GlowConfig(2, 4, 32, CouplingType.AFFINE, 1, 28, 28), 1);
        List<Image> images = idxPath != null ? readIdx(idxPath, imageCount) : TestModels.images(imageCount, 7, false);
        ImageCodec codec = new ImageCodec(model, CodingParameters.DEFAULT, ServedModel.STREAMING_BLOCK_SAMPLES);
        List<byte[]> bodies = new ArrayList<>();
        for (int start = 0; start + batch <= images.size(); start += batch) {
            List<Image> part = images.subList(start, start + batch);
            bodies.add(Bodies.idx(part, part.get(0).height(), part.get(0).width()));
        }
        System.out.printf(Locale.ROOT, "model %s (%d parameters, %s), %d images of %dx%d in requests of %d, %d workers, %d cores, %.0f s per level%n",
                model.fingerprintHex().substring(0, 16), model.parameterCount(), model.config(), images.size(), images.get(0).width(),
                images.get(0).height(), batch, workers, Runtime.getRuntime().availableProcessors(), seconds);

        double inProcess = inProcess(codec, bodies, images, batch, workers, seconds);
        System.out.printf(Locale.ROOT, "in-process ImageCodec, %d threads: %.1f images/s%n", workers, inProcess);

        GlowServerConfig config = GlowServerConfig.defaults().withWorkerThreads(workers).withMaxConcurrentJobs(64)
                .withIdleTimeout(Duration.ofSeconds(60));
        double best = 0;
        try (GlowServer server = new GlowServer(config, List.of(new ServedModel("bench", codec, Double.NaN)))) {
            int port = server.start("127.0.0.1", 0);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + port + "/v1/compress");
            run(client, uri, bodies, batch, 2, Math.min(2, seconds), codec); // warm-up
            System.out.println("clients  images/s  p50 ms  p99 ms  requests  vs in-process");
            for (int clients : clientCounts) {
                Result result = run(client, uri, bodies, batch, clients, seconds, codec);
                best = Math.max(best, result.imagesPerSecond);
                System.out.printf(Locale.ROOT, "%7d  %8.1f  %6.1f  %6.1f  %8d  %.2f%n", clients, result.imagesPerSecond, result.p50,
                        result.p99, result.requests, result.imagesPerSecond / inProcess);
            }
        }
        System.out.printf(Locale.ROOT, "server / in-process throughput at saturation: %.2f%n", best / inProcess);
    }

    private record Result(double imagesPerSecond, double p50, double p99, int requests) {
    }

    /** Each thread encodes whole requests' images into a stream, as the server's workers do. */
    private static double inProcess(ImageCodec codec, List<byte[]> bodies, List<Image> images, int batch, int threads, double seconds)
            throws Exception {
        Runnable warm = () -> encode(codec, images.subList(0, batch));
        warm.run();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        List<Future<Long>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            done.add(pool.submit(() -> {
                long count = 0;
                for (int i = offset; System.nanoTime() < end; i++) {
                    int first = (i % bodies.size()) * batch;
                    encode(codec, images.subList(first, first + batch));
                    count += batch;
                }
                return count;
            }));
        }
        long total = 0;
        for (Future<Long> f : done) {
            total += f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return total / elapsed;
    }

    private static byte[] encode(ImageCodec codec, List<Image> images) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GlowzipWriter writer = codec.writer(out)) {
            for (Image image : images) {
                writer.write(image);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Result run(HttpClient client, URI uri, List<byte[]> bodies, int batch, int clients, double seconds, ImageCodec codec)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Future<List<Double>>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            done.add(pool.submit(() -> {
                List<Double> latencies = new ArrayList<>();
                for (int i = offset; System.nanoTime() < end; i += clients) {
                    byte[] body = bodies.get(i % bodies.size());
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .header("Content-Type", "application/x-idx").build(), HttpResponse.BodyHandlers.ofByteArray());
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    if (response.statusCode() != 200 || (latencies.size() == 1 && count(codec, response.body()) != batch)) {
                        throw new IllegalStateException("bad response " + response.statusCode() + ": " + new String(response.body()));
                    }
                }
                return latencies;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> f : done) {
            all.addAll(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        all.sort(null);
        return new Result(all.size() * (double) batch / elapsed, percentile(all, 0.50), percentile(all, 0.99), all.size());
    }

    private static int count(ImageCodec codec, byte[] stream) throws IOException {
        int n = 0;
        try (GlowzipReader reader = codec.reader(new java.io.ByteArrayInputStream(stream))) {
            while (reader.read() != null) {
                n++;
            }
        }
        return n;
    }

    private static double percentile(List<Double> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static List<Image> readIdx(Path path, int limit) throws IOException {
        InputStream raw = Files.newInputStream(path);
        try (DataInputStream in = new DataInputStream(path.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw)) {
            if (in.readInt() != 0x00000803) {
                throw new IOException(path + " is not an IDX file of images");
            }
            int count = Math.min(limit, in.readInt());
            int rows = in.readInt();
            int columns = in.readInt();
            List<Image> images = new ArrayList<>(count);
            byte[] samples = new byte[rows * columns];
            for (int i = 0; i < count; i++) {
                in.readFully(samples);
                images.add(Image.of(columns, rows, 1, samples));
            }
            return images;
        }
    }
}
