package org.glowzip.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.stream.GlowzipReader;

/** A server on 127.0.0.1, an ephemeral port, and a JDK HttpClient to talk to it. */
public final class ServerFixture implements AutoCloseable {
    public final GlowServer server;
    public final HttpClient client;
    public final int port;

    public ServerFixture(GlowServerConfig config, List<ServedModel> models) throws InterruptedException {
        this(config, models, List.of());
    }

    public ServerFixture(GlowServerConfig config, List<ServedModel> models, List<ServedModel> retired) throws InterruptedException {
        server = new GlowServer(config, models, retired);
        port = server.start("127.0.0.1", 0);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public ServerFixture(GlowServerConfig config) throws InterruptedException {
        this(config, List.of(TestModels.served()));
    }

    public static GlowServerConfig testConfig() {
        return GlowServerConfig.defaults().withWorkerThreads(2).withMaxConcurrentJobs(64).withIdleTimeout(Duration.ofSeconds(10))
                .withMaxBodyBytes(8L << 20).withMaxPixelsPerImage(512 * 512).withBodyBufferBytes(64 * 1024);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpResponse<byte[]> post(String path, byte[] body, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POST, without waiting for the answer. */
    public CompletableFuture<HttpResponse<byte[]>> postAsync(String path, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POST with a chunked body (no Content-Length), as a streaming client sends it. */
    public HttpResponse<byte[]> postChunked(String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The images of a glowzip stream, decoded with the test codec. */
    public static List<Image> decodeStream(byte[] stream) throws IOException {
        List<Image> images = new ArrayList<>();
        try (GlowzipReader reader = TestModels.CODEC.reader(new ByteArrayInputStream(stream))) {
            Image image;
            while ((image = reader.read()) != null) {
                images.add(image);
            }
        }
        return images;
    }

    /** Waits until {@code condition} holds, for 30 s at most, then fails saying {@code what} did not happen. */
    public void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, condition, Duration.ofSeconds(30));
    }

    /** Waits until {@code condition} holds, for {@code most} at most, then fails saying {@code what} did not happen. */
    public void await(String what, BooleanSupplier condition, Duration most) throws InterruptedException {
        long deadline = System.nanoTime() + most.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + most.toMillis() + " ms: " + what + "\n" + server.metrics().render());
            }
            Thread.sleep(5);
        }
    }

    /** Waits until the server holds no job and no body buffer (true) or the timeout passes (false). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (server.metrics().jobsActive().get() == 0 && server.metrics().bufferedBodyBytes().get() == 0) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Override
    public void close() {
        server.close();
    }
}
