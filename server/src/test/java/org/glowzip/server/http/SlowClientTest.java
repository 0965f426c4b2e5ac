package org.glowzip.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.server.GlowServerConfig;
import org.glowzip.server.RawHttp;
import org.glowzip.server.ServerFixture;
import org.glowzip.server.SlotHolder;
import org.glowzip.server.TestModels;
import org.junit.jupiter.api.Test;

/**
 * Clients that send slowly: they hold a connection, never a job slot; the minimum rate and the
 * request deadline cut them off with a 408 and a closed connection (the idle timer, 60 s here,
 * cannot: every trickled byte restarts it), while other requests are served.
 */
class SlowClientTest {
    /** One body byte in a chunk of its own: 6 bytes on the wire. */
    private static final byte[] BODY_BYTE = "1\r\nx\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final long TRICKLE_MILLIS = 250;

    /** One job slot; at least 200 bytes/s over each second once a request has been arriving for a second. */
    private static GlowServerConfig config() {
        return ServerFixture.testConfig().withMaxConcurrentJobs(1).withMaxJobsPerClient(16).withIdleTimeout(Duration.ofSeconds(60))
                .withMinRequestRate(200, Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    /** Reads the 408 of {@code kind} that {@code client} was sent, and the end of its connection. */
    private static void assertCutOff(RawHttp client, String kind, String messagePart) throws IOException {
        Map<String, String> headers = RawHttp.headers();
        assertEquals(408, client.readHead(headers));
        assertEquals("close", headers.get("connection"));
        String body = client.readBody(headers);
        assertTrue(body.startsWith("{\"error\":\"" + kind + "\""), body);
        assertTrue(body.contains(messagePart), body);
        assertTrue(client.closedByServer(), "the connection is closed after the 408");
    }

    /**
     * With eight clients trickling their bodies and a single job slot, a normal request is served
     * at once: the trickling requests have not asked for a slot, as their bodies are neither in
     * nor fill a buffer. Then each is cut off for its rate.
     */
    @Test
    void tricklingClientsHoldNoSlotAndAreCutOff() throws Exception {
        try (ServerFixture fixture = new ServerFixture(config())) {
            List<RawHttp> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    RawHttp client = new RawHttp(fixture.port);
                    slow.add(client);
                    client.startChunkedPost("/v1/compress");
                    client.out.write(BODY_BYTE);
                    client.out.flush();
                }
                fixture.await("every slow request has begun its body",
                        () -> fixture.server.metrics().counter("glowzip_request_bytes_total{endpoint=\"compress\"}") == 8);
                assertEquals(0, fixture.server.metrics().jobsActive().get());
                Image image = TestModels.images(1, 71, true).get(0);
                HttpResponse<byte[]> normal = fixture.post("/v1/compress", ImageFormat.PNG.write(image), null);
                assertEquals(200, normal.statusCode());
                assertEquals(List.of(image), ServerFixture.decodeStream(normal.body()));

                RawHttp.trickle(slow, BODY_BYTE, TRICKLE_MILLIS);
                for (RawHttp client : slow) {
                    assertCutOff(client, "request_too_slow", "bytes/s are required");
                }
            } finally {
                for (RawHttp client : slow) {
                    client.close();
                }
            }
            assertEquals(8, fixture.server.metrics().counter("glowzip_errors_total{kind=\"request_too_slow\"}"));
            assertEquals(8, fixture.server.metrics().counter("glowzip_requests_total{endpoint=\"compress\",code=\"408\"}"));
            assertTrue(fixture.awaitIdle(Duration.ofSeconds(10)));
        }
    }

    /** A client that sends its head a line at a time is cut off at the request deadline, with no exchange begun. */
    @Test
    void aTricklingHeadMeetsTheRequestDeadline() throws Exception {
        GlowServerConfig deadline = ServerFixture.testConfig().withIdleTimeout(Duration.ofSeconds(60)).withRequestTimeout(Duration.ofSeconds(1));
        try (ServerFixture fixture = new ServerFixture(deadline); RawHttp client = new RawHttp(fixture.port)) {
            client.out.write("POST /v1/compress HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            RawHttp.trickle(List.of(client), "X-Slow: header line of a slow client\r\n".getBytes(StandardCharsets.US_ASCII), TRICKLE_MILLIS);
            assertCutOff(client, "request_timeout", "the request took longer than 1000 ms to arrive");
            assertEquals(1, fixture.server.metrics().counter("glowzip_requests_total{endpoint=\"other\",code=\"408\"}"));
            assertEquals(1, fixture.server.metrics().counter("glowzip_errors_total{kind=\"request_timeout\"}"));
        }
    }

    /** A client that slows down once its job runs is answered 408 by the job, which then frees its slot. */
    @Test
    void aClientThatSlowsDownWhileItsJobRunsIsCutOff() throws Exception {
        try (ServerFixture fixture = new ServerFixture(config()); SlotHolder holder = new SlotHolder(fixture, 72, 1)) {
            RawHttp.trickle(List.of(holder.http), BODY_BYTE, TRICKLE_MILLIS);
            assertCutOff(holder.http, "request_too_slow", "bytes/s are required");
            assertTrue(fixture.awaitIdle(Duration.ofSeconds(10)));
            Image image = TestModels.images(1, 73, true).get(0);
            assertEquals(200, fixture.post("/v1/compress", ImageFormat.PNG.write(image), null).statusCode(), "the slot is free again");
        }
    }
}
