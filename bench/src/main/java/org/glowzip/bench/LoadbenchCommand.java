package org.glowzip.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.input.IdxHeader;
import org.glowzip.codec.stream.GlowzipReader;
import org.glowzip.codec.stream.GlowzipWriter;
import org.glowzip.server.GlowServer;
import org.glowzip.server.GlowServerConfig;
import org.glowzip.server.ServedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code glowzip loadbench}: the compression server on loopback under 1, 4 and 16 concurrent
 * clients posting requests of {@code --batch} images (IDX bodies) to {@code /v1/compress}:
 * images/s, p50 and p99 request latency, and the ratio of that throughput to the in-process
 * ceiling, {@link ImageCodec} encoding the same requests with one thread per server worker.
 * Clients run in the same JVM and share the cores, as a co-located client would; the server has
 * the default configuration but as many job slots, in all and per address, as the most
 * clients, so that none is turned away; the first response of every client is decoded and compared with its request after the
 * timed window.
 */
@Command(name = "loadbench", mixinStandardHelpOptions = true,
        description = "Load-test the compression server on loopback: images/s and latency at several client counts, against in-process encoding.")
final class LoadbenchCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Mixin
    ModelOption modelOption;

    @Mixin
    DataOption dataOption;

    @Option(names = "--batch", defaultValue = "50", description = "Images per request (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seconds", defaultValue = "8", description = "Timed seconds per client count (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--clients", split = ",", defaultValue = "1,4,16", description = "Client counts (default: ${DEFAULT-VALUE}).")
    List<Integer> clientCounts;

    @Override
    public Integer call() throws Exception {
        List<Image> images = dataOption.images();
        List<List<Image>> requests = new ArrayList<>();
        for (int start = 0; start + batch <= images.size(); start += batch) {
            requests.add(images.subList(start, start + batch));
        }
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("fewer than --batch " + batch + " images of one size");
        }
        List<byte[]> bodies = requests.stream().map(LoadbenchCommand::idx).toList();
        ServedModel served = ServedModel.of("bench", modelOption.codec().model());
        int most = clientCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
        int slots = Math.max(most, GlowServerConfig.defaults().maxConcurrentJobs());
        GlowServerConfig config = GlowServerConfig.defaults().withMaxConcurrentJobs(slots).withMaxJobsPerClient(slots);
        int workers = config.workerThreads();
        System.out.printf(Locale.ROOT, "%d requests of %d images (%dx%d), %d server workers, %d cores, %.0f s per level%n",
                requests.size(), batch, images.get(0).width(), images.get(0).height(), workers,
                Runtime.getRuntime().availableProcessors(), seconds);
        double ceiling = inProcess(served.codec(), requests, workers);
        System.out.printf(Locale.ROOT, "in-process ImageCodec, %d threads: %.1f images/s%n", workers, ceiling);
        double best = 0;
        try (GlowServer server = new GlowServer(config, List.of(served))) {
            URI uri = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/v1/compress");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            load(client, uri, bodies, requests, 2, Math.min(2, seconds), served.codec()); // warm-up
            System.out.println("clients  images/s  p50 ms  p99 ms  requests  vs in-process");
            for (int clients : clientCounts) {
                Level level = load(client, uri, bodies, requests, clients, seconds, served.codec());
                best = Math.max(best, level.imagesPerSecond);
                System.out.printf(Locale.ROOT, "%7d  %8.1f  %6.1f  %6.1f  %8d  %.2f%n", clients, level.imagesPerSecond, level.p50, level.p99,
                        level.requests, level.imagesPerSecond / ceiling);
            }
        }
        System.out.printf(Locale.ROOT, "server / in-process throughput at saturation: %.2f%n", best / ceiling);
        return 0;
    }

    private record Level(double imagesPerSecond, double p50, double p99, int requests) {
    }


    /** Images/s of encoding whole requests into streams on {@code threads} threads, as the server's workers do. */
    private double inProcess(ImageCodec codec, List<List<Image>> requests, int threads) throws Exception {
        encode(codec, requests.get(0));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            List<Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    long count = 0;
                    for (int i = first; System.nanoTime() < end; i += threads) {
                        encode(codec, requests.get(i % requests.size()));
                        count += batch;
                    }
                    return count;
                }));
            }
            long total = 0;
            for (Future<Long> f : done) {
                total += f.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** {@code clients} clients posting requests back to back for {@code duration} seconds. */
    private Level load(HttpClient client, URI uri, List<byte[]> bodies, List<List<Image>> requests, int clients, double duration,
            ImageCodec codec) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            long end = start + (long) (duration * 1e9);
            List<Future<List<Double>>> done = new ArrayList<>();
            List<Future<byte[]>> firstResponses = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                CompletableFuture<byte[]> firstResponse = new CompletableFuture<>();
                firstResponses.add(firstResponse);
                done.add(pool.submit(() -> {
                    List<Double> latencies = new ArrayList<>();
                    for (int i = first; System.nanoTime() < end; i += clients) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i % bodies.size())))
                                .header("Content-Type", "application/x-idx").build(), HttpResponse.BodyHandlers.ofByteArray());
                        latencies.add((System.nanoTime() - t0) / 1e6);
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("status " + response.statusCode() + ": " + new String(response.body()));
                        }
                        firstResponse.complete(response.body());
                    }
                    return latencies;
                }));
            }
            List<Double> latencies = new ArrayList<>();
            for (Future<List<Double>> f : done) {
                latencies.addAll(f.get());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            for (int c = 0; c < clients; c++) {
                if (firstResponses.get(c).isDone() && !decode(codec, firstResponses.get(c).get()).equals(requests.get(c % requests.size()))) {
                    throw new IllegalStateException("client " + c + ": the response does not decode to its request");
                }
            }
            latencies.sort(null);
            return new Level(latencies.size() * (double) batch / elapsed, percentile(latencies, 0.50), percentile(latencies, 0.99),
                    latencies.size());
        } finally {
            pool.shutdown();
        }
    }

    private static byte[] encode(ImageCodec codec, List<Image> images) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GlowzipWriter writer = codec.writer(out)) {
            for (Image image : images) {
                writer.write(image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<Image> decode(ImageCodec codec, byte[] stream) throws IOException {
        List<Image> images = new ArrayList<>();
        try (GlowzipReader reader = codec.reader(new ByteArrayInputStream(stream))) {
            for (Image image = reader.read(); image != null; image = reader.read()) {
                images.add(image);
            }
        }
        return images;
    }

    /** An IDX file of same-sized gray images. */
    private static byte[] idx(List<Image> images) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            IdxHeader.unsignedBytes(images.size(), images.get(0).height(), images.get(0).width()).write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        images.forEach(image -> out.writeBytes(image.samples()));
        return out.toByteArray();
    }

    private static double percentile(List<Double> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
