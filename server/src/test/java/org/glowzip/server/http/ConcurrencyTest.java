package org.glowzip.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.input.Containers;
import org.glowzip.codec.stream.TestStreams;
import org.glowzip.server.Bodies;
import org.glowzip.server.ServerFixture;
import org.glowzip.server.TestModels;
import org.junit.jupiter.api.Test;

/**
 * 16 clients x 12 requests at once, mixed compress and decompress, a third of them bad: every good
 * response decodes exactly to its input, every bad one gets its status, and the server is healthy
 * and holds nothing afterwards. Bounded: 192 requests of a few small images each, on loopback.
 */
class ConcurrencyTest {
    private static final int CLIENTS = 16;
    private static final int REQUESTS = 12;

    @Test
    void mixedLoadFromSixteenClients() throws Exception {
        try (ServerFixture fixture = new ServerFixture(ServerFixture.testConfig())) {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            AtomicInteger bad = new AtomicInteger();
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                results.add(clients.submit(() -> {
                    int done = 0;
                    for (int r = 0; r < REQUESTS; r++) {
                        long seed = 1000L * client + r;
                        if (request(fixture, (client + r) % 6, seed)) {
                            bad.incrementAndGet();
                        }
                        done++;
                    }
                    return done;
                }));
            }
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(90, TimeUnit.SECONDS);
            }
            clients.shutdown();
            assertEquals(CLIENTS * REQUESTS, total);
            assertEquals(200, fixture.get("/healthz").statusCode());
            assertTrue(fixture.awaitIdle(Duration.ofSeconds(10)));
            long errors = 0;
            for (String kind : List.of("unsupported_media_type", "malformed", "undecodable")) {
                errors += fixture.server.metrics().counter("glowzip_errors_total{kind=\"" + kind + "\"}");
            }
            assertEquals(bad.get(), errors);
            assertEquals(0, fixture.server.metrics().counter("glowzip_errors_total{kind=\"internal\"}"));
        }
    }

    /** One request of the given kind; true if it was a bad one (and got its error). */
    private static boolean request(ServerFixture fixture, int kind, long seed) throws Exception {
        switch (kind) {
            case 0 -> {
                Image image = TestModels.images(1, seed, true).get(0);
                HttpResponse<byte[]> response = fixture.post("/v1/compress", ImageFormat.PNG.write(image), "image/png");
                assertEquals(200, response.statusCode());
                assertEquals(List.of(image), ServerFixture.decodeStream(response.body()));
                return false;
            }
            case 1 -> {
                List<Image> images = TestModels.images(12, seed, true);
                HttpResponse<byte[]> response = fixture.postChunked("/v1/compress", Bodies.tarOf(images, seed % 2 == 0));
                assertEquals(200, response.statusCode());
                assertEquals(images, ServerFixture.decodeStream(response.body()));
                return false;
            }
            case 2 -> {
                List<Image> images = TestModels.images(12, seed, false);
                byte[] stream = stream(images);
                HttpResponse<byte[]> response = fixture.post("/v1/decompress", stream, "application/x-glowzip");
                assertEquals(200, response.statusCode());
                assertEquals(images, Bodies.untar(response.body(), new ArrayList<>()));
                return false;
            }
            case 3 -> {
                Image image = TestModels.images(1, seed, true).get(0);
                HttpResponse<byte[]> response = fixture.postChunked("/v1/decompress", TestStreams.of(TestModels.CODEC, image));
                assertEquals(200, response.statusCode());
                assertEquals(image, ImageFormat.read(response.body()));
                return false;
            }
            default -> {
                switch ((int) (seed % 4)) {
                    case 0 -> ErrorsTest.assertError(fixture.post("/v1/compress", "not an image".getBytes(StandardCharsets.US_ASCII), null),
                            415, "unsupported_media_type", "body: not a PNG");
                    case 1 -> {
                        byte[] stream = stream(TestModels.images(5, seed, false));
                        ErrorsTest.assertError(fixture.post("/v1/decompress", Arrays.copyOf(stream, stream.length - 100), null),
                                400, "malformed", "stream truncated");
                    }
                    case 2 -> ErrorsTest.assertError(fixture.post("/v1/decompress", TestStreams.of(new ImageCodec(TestModels.OTHER),
                            TestModels.images(1, seed, false).get(0)), null), 422, "undecodable", "stream was coded with model");
                    default -> {
                        byte[] idx = Containers.idx(TestModels.images(4, seed, false), 28, 28);
                        ErrorsTest.assertError(fixture.postChunked("/v1/compress", Arrays.copyOf(idx, idx.length - 30)), 400,
                                "malformed", "IDX truncated in image 3 of 4");
                    }
                }
                return true;
            }
        }
    }

    private static byte[] stream(List<Image> images) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.glowzip.codec.stream.GlowzipWriter writer = TestModels.CODEC.writer(out)) {
            for (Image image : images) {
                writer.write(image);
            }
        }
        return out.toByteArray();
    }
}
