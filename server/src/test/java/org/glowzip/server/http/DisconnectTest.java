package org.glowzip.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.server.Bodies;
import org.glowzip.server.RawHttp;
import org.glowzip.server.RawStreams;
import org.glowzip.server.ServerFixture;
import org.glowzip.server.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client that goes away mid-stream frees its job, its worker and its buffers, and the server carries on. */
class DisconnectTest {
    private static ServerFixture fixture;
    private static byte[] bigStream;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServerFixture(ServerFixture.testConfig().withIdleTimeout(Duration.ofSeconds(2)).withMaxBodyBytes(32L << 20));
        bigStream = RawStreams.of(RawStreams.noise(40, 512, 41), 4); // 10 MiB of PNGs to send back: more than the socket buffers hold
    }

    @AfterAll
    static void stop() throws InterruptedException {
        fixture.close();
    }

    private static void assertServerRecovered() throws Exception {
        assertTrue(fixture.awaitIdle(Duration.ofSeconds(10)), () -> "jobs " + fixture.server.metrics().jobsActive()
                + ", buffered " + fixture.server.metrics().bufferedBodyBytes());
        assertEquals(200, fixture.get("/healthz").statusCode());
        Image image = TestModels.images(1, 42, true).get(0);
        HttpResponse<byte[]> response = fixture.post("/v1/compress", ImageFormat.PNG.write(image), null);
        assertEquals(200, response.statusCode());
        assertEquals(List.of(image), ServerFixture.decodeStream(response.body()));
    }

    @Test
    void clientLeavingMidRequestBody() throws Exception {
        byte[] tar = Bodies.tarOf(TestModels.images(200, 43, false), false);
        assertTrue(fixture.awaitIdle(Duration.ofSeconds(10)), "a worker can still be finishing the previous test's job");
        long disconnectsBefore = fixture.server.metrics().counter("glowzip_errors_total{kind=\"client_disconnected\"}");
        try (RawHttp http = new RawHttp(fixture.port)) {
            http.startChunkedPost("/v1/compress");
            http.chunk(tar, 0, tar.length / 3);
            awaitJob();
        } // closed with the body unfinished
        assertServerRecovered();
        assertEquals(disconnectsBefore + 1, fixture.server.metrics().counter("glowzip_errors_total{kind=\"client_disconnected\"}"),
                DisconnectTest::outcomes);
    }

    /**
     * The JDK HttpClient reads a response only after it has sent the whole body: a 10 MiB answer
     * to a 10 MiB body would fill the socket buffers both ways and stall, were the response not
     * spilled to a file while the body is still arriving.
     */
    @Test
    void halfDuplexClientGetsALargeResponseThroughTheSpill() throws Exception {
        HttpResponse<byte[]> tar = fixture.postChunked("/v1/decompress", bigStream);
        assertEquals(200, tar.statusCode());
        assertEquals(RawStreams.noise(40, 512, 41), Bodies.untar(tar.body(), new java.util.ArrayList<>()));
        assertServerRecovered();
    }

    @Test
    void rawStreamsDecode() throws Exception {
        List<Image> images = RawStreams.noise(3, 5, 44);
        assertEquals(images, ServerFixture.decodeStream(RawStreams.of(images, 2)));
    }

    @Test
    void clientLeavingMidResponse() throws Exception {
        try (RawHttp http = new RawHttp(fixture.port)) {
            http.socket.setReceiveBufferSize(4096);
            sendBigStream(http);
            assertEquals(200, http.readHead(RawHttp.headers()));
            assertNotNull(http.readChunk()); // then vanish while the tar is being streamed
        }
        assertServerRecovered();
    }

    @Test
    void clientThatStopsReadingIsCutOffAfterTheIdleTimeout() throws Exception {
        AtomicLong before = new AtomicLong(fixture.server.metrics().counter("glowzip_requests_total{endpoint=\"decompress\",code=\"499\"}"));
        try (RawHttp http = new RawHttp(fixture.port)) {
            http.socket.setReceiveBufferSize(4096);
            sendBigStream(http);
            assertTrue(fixture.awaitIdle(Duration.ofSeconds(15)), "the job gives up on a client that does not read");
            long deadline = System.nanoTime() + 5_000_000_000L;
            try {
                while (System.nanoTime() < deadline) {
                    if (http.in.read(new byte[65536]) < 0) {
                        break; // the server closed the connection
                    }
                }
            } catch (IOException reset) {
                // closed by the server: fine
            }
        }
        assertTrue(fixture.server.metrics().counter("glowzip_requests_total{endpoint=\"decompress\",code=\"499\"}") > before.get());
        assertServerRecovered();
    }

    /** Posts {@link #bigStream} to {@code /v1/decompress}; a server that cuts the upload short fails the test with what it counted. */
    private static void sendBigStream(RawHttp http) throws IOException {
        http.startChunkedPost("/v1/decompress");
        try {
            for (int at = 0; at < bigStream.length; at += 65536) {
                http.chunk(bigStream, at, Math.min(65536, bigStream.length - at));
            }
            http.endChunks();
        } catch (IOException cut) {
            throw new AssertionError("the server cut the upload short; it counted " + outcomes(), cut);
        }
    }

    /** The error and request counters, to tell what the server made of a test's request. */
    private static String outcomes() {
        try {
            return fixture.get("/metrics").body().lines().filter(l -> l.startsWith("glowzip_errors_total") || l.startsWith("glowzip_requests_total"))
                    .toList().toString();
        } catch (IOException | InterruptedException e) {
            return "metrics unavailable: " + e;
        }
    }

    private static void awaitJob() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (fixture.server.metrics().jobsActive().get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, fixture.server.metrics().jobsActive().get());
    }
}
