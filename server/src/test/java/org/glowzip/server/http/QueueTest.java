package org.glowzip.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.server.GlowServerConfig;
import org.glowzip.server.ServerFixture;
import org.glowzip.server.SlotHolder;
import org.glowzip.server.TestModels;
import org.junit.jupiter.api.Test;

/**
 * The queue in front of the job slots: a job that finds every slot taken waits for one, and is
 * refused with 503 and Retry-After only when the queue is full or its wait runs out; a client
 * over its own limit gets 429. Slots are held by {@link SlotHolder}s, whose jobs wait for the
 * rest of their bodies; waits are observed in the metrics, not timed.
 */
class QueueTest {
    private static final Image IMAGE = TestModels.images(1, 61, true).get(0);

    /** One job slot, a queue of {@code queued} for at most {@code wait}, and a client may use them all. */
    private static GlowServerConfig oneSlot(int queued, Duration wait) {
        return ServerFixture.testConfig().withMaxConcurrentJobs(1).withMaxJobsPerClient(16).withMaxQueuedJobs(queued)
                .withMaxQueueWait(wait).withIdleTimeout(Duration.ofSeconds(60));
    }

    /** A body larger than the test's 64 KiB body buffer: its job asks for a slot before all of it is in. */
    private static byte[] largeBody() {
        byte[] samples = new byte[500 * 400];
        new SplittableRandom(66).nextBytes(samples);
        return ImageFormat.PNM.write(Image.of(500, 400, 1, samples));
    }

    private static void assertCompressed(HttpResponse<byte[]> response) throws Exception {
        assertEquals(200, response.statusCode(), () -> new String(response.body()));
        assertEquals(List.of(IMAGE), ServerFixture.decodeStream(response.body()));
    }

    @Test
    void aJobWaitsForASlotAndThenRuns() throws Exception {
        try (ServerFixture fixture = new ServerFixture(oneSlot(4, Duration.ofSeconds(60)));
                SlotHolder holder = new SlotHolder(fixture, 62, 1)) {
            CompletableFuture<HttpResponse<byte[]>> waiting = fixture.postAsync("/v1/compress", ImageFormat.PNG.write(IMAGE));
            fixture.await("the request waits in the queue", () -> fixture.server.metrics().jobsQueued().get() == 1);
            assertFalse(waiting.isDone());
            holder.finish();
            assertCompressed(waiting.get(60, TimeUnit.SECONDS));
            assertEquals(0, fixture.server.metrics().jobsQueued().get());
            assertEquals(0, fixture.server.metrics().counter("glowzip_errors_total{kind=\"overloaded\"}"));
        }
    }

    @Test
    void aFullQueueIs503WithRetryAfter() throws Exception {
        try (ServerFixture fixture = new ServerFixture(oneSlot(1, Duration.ofSeconds(60)));
                SlotHolder holder = new SlotHolder(fixture, 63, 1)) {
            CompletableFuture<HttpResponse<byte[]>> waiting = fixture.postAsync("/v1/compress", ImageFormat.PNG.write(IMAGE));
            fixture.await("the request waits in the queue", () -> fixture.server.metrics().jobsQueued().get() == 1);
            HttpResponse<byte[]> refused = fixture.post("/v1/compress", largeBody(), null); // refused, then the rest discarded
            ErrorsTest.assertError(refused, 503, "overloaded", "all 1 job slots are taken and 1 jobs wait for one; retry later");
            assertEquals("1", refused.headers().firstValue("retry-after").orElse(""));
            holder.finish();
            assertCompressed(waiting.get(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void aJobThatWaitsTooLongIs503WithRetryAfter() throws Exception {
        try (ServerFixture fixture = new ServerFixture(oneSlot(4, Duration.ofMillis(300)));
                SlotHolder holder = new SlotHolder(fixture, 64, 1)) {
            HttpResponse<byte[]> refused = fixture.post("/v1/compress", largeBody(), null);
            ErrorsTest.assertError(refused, 503, "overloaded", "no job slot came free within 300 ms; retry later");
            assertEquals("1", refused.headers().firstValue("retry-after").orElse(""));
            assertEquals(0, fixture.server.metrics().jobsQueued().get());
            holder.finish();
            assertCompressed(fixture.post("/v1/compress", ImageFormat.PNG.write(IMAGE), null));
        }
    }

    @Test
    void aClientOverItsLimitIs429WithRetryAfter() throws Exception {
        GlowServerConfig config = ServerFixture.testConfig().withMaxConcurrentJobs(4).withMaxJobsPerClient(1).withIdleTimeout(Duration.ofSeconds(60));
        try (ServerFixture fixture = new ServerFixture(config); SlotHolder holder = new SlotHolder(fixture, 65, 1)) {
            HttpResponse<byte[]> refused = fixture.post("/v1/compress", ImageFormat.PNG.write(IMAGE), null);
            ErrorsTest.assertError(refused, 429, "too_many_requests", "this client already has 1 jobs running or waiting; retry later");
            assertEquals("1", refused.headers().firstValue("retry-after").orElse(""));
            holder.finish();
            assertCompressed(fixture.post("/v1/compress", ImageFormat.PNG.write(IMAGE), null));
        }
    }
}
