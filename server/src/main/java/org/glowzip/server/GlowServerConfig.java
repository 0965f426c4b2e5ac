package org.glowzip.server;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The limits of a {@link GlowServer}. A 408 closes the connection once it is sent; the rest of
 * the request is not waited for.
 *
 * @param maxBodyBytes most bytes of one request body; more is answered 413 {@code body_too_large}
 * @param maxPixelsPerImage most pixels (width x height) of one image, compressed or decompressed;
 *        checked from the image's header before it is decoded; more is 413 {@code image_too_large}
 * @param maxExpandedBytes most bytes one request may expand to: a gzip body inflated on compress,
 *        decoded samples on decompress (a coded block describes many pixels in few bytes); more is 413
 * @param maxConcurrentJobs most compress/decompress jobs that hold a job slot at once, running or
 *        waiting for a worker. A job asks for its slot once its body is in, or once
 *        {@code bodyBufferBytes} of it are: a client that sends slowly holds a connection, not a slot
 * @param maxQueuedJobs most jobs that wait for a slot, first come first served, while all are
 *        taken; one more is answered 503 {@code overloaded} with {@code Retry-After}; 0: no queue
 * @param maxQueueWait longest a job waits in the queue; then it is answered 503 {@code overloaded}
 *        with {@code Retry-After}
 * @param maxJobsPerClient most jobs holding or waiting for a slot at once for one client address;
 *        more is 429 {@code too_many_requests}; 0: no limit of its own (a client may use every
 *        slot and every place in the queue)
 * @param workerThreads threads that run the jobs, off the event loop
 * @param idleTimeout a request whose body stalls, or a client that stops reading its response,
 *        for this long is answered 408 {@code idle_timeout} (or cut off if the response has
 *        begun); an idle keep-alive connection is closed
 * @param requestTimeout most time a request's head and body may take to arrive, from its first
 *        byte to its last, not counting the time the server itself stops reading (a full body
 *        buffer); more is 408 {@code request_timeout}
 * @param minRequestBytesPerSecond least rate at which a request's bytes (head and body) must
 *        arrive, averaged over each {@code rateWindow} once the request has been arriving for
 *        {@code rateGracePeriod} (time the server stops reading not counted); less is 408
 *        {@code request_too_slow}; 0 turns the check off
 * @param rateWindow the window over which {@code minRequestBytesPerSecond} is averaged
 * @param rateGracePeriod how long a request may arrive at any rate before the rate is checked
 * @param bodyBufferBytes request body bytes buffered per job before the server stops reading
 *        from the connection (backpressure); about as much again is buffered for the response
 * @param maxSpillBytes most response bytes per job kept in a temporary file while the client is
 *        still sending its body and not yet reading (as the JDK HttpClient does); 0 turns
 *        spilling off, and such a client then stalls once the socket buffers are full
 */
public record GlowServerConfig(
        long maxBodyBytes,
        long maxPixelsPerImage,
        long maxExpandedBytes,
        int maxConcurrentJobs,
        int maxQueuedJobs,
        Duration maxQueueWait,
        int maxJobsPerClient,
        int workerThreads,
        Duration idleTimeout,
        Duration requestTimeout,
        long minRequestBytesPerSecond,
        Duration rateWindow,
        Duration rateGracePeriod,
        int bodyBufferBytes,
        long maxSpillBytes) {

    public GlowServerConfig {
        if (maxBodyBytes < 1 || maxPixelsPerImage < 1 || maxExpandedBytes < 1 || maxConcurrentJobs < 1 || maxQueuedJobs < 0
                || !positive(maxQueueWait) || maxJobsPerClient < 0 || workerThreads < 1 || !positive(idleTimeout)
                || !positive(requestTimeout) || minRequestBytesPerSecond < 0 || !positive(rateWindow)
                || rateGracePeriod == null || rateGracePeriod.isNegative() || bodyBufferBytes < 1024 || maxSpillBytes < 0) {
            throw new IllegalArgumentException("every limit must be positive (the queue length, per-client limit, minimum rate,"
                    + " grace period and spill may be 0; the body buffer at least 1 KiB): " + this);
        }
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    /**
     * 256 MiB bodies, 4096 x 4096 images, 4 GiB expansion, a worker per core, 4 job slots per
     * worker and a queue of 64 jobs for at most 10 s (each client may use them all); 30 s idle
     * timeout; each request within 5 min, and at least 1 KiB/s over each 10 s once it has been
     * arriving for 10 s; 1 MiB body buffer and up to 1 GiB of response spill file per job.
     */
    public static GlowServerConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new GlowServerConfig(256L << 20, 4096L * 4096, 4L << 30, 4 * cores, 64, Duration.ofSeconds(10), 0, cores,
                Duration.ofSeconds(30), Duration.ofMinutes(5), 1024, Duration.ofSeconds(10), Duration.ofSeconds(10), 1 << 20, 1L << 30);
    }

    public GlowServerConfig withMaxBodyBytes(long value) {
        return with(b -> b.maxBodyBytes = value);
    }

    public GlowServerConfig withMaxPixelsPerImage(long value) {
        return with(b -> b.maxPixelsPerImage = value);
    }

    public GlowServerConfig withMaxExpandedBytes(long value) {
        return with(b -> b.maxExpandedBytes = value);
    }

    public GlowServerConfig withMaxConcurrentJobs(int value) {
        return with(b -> b.maxConcurrentJobs = value);
    }

    public GlowServerConfig withMaxQueuedJobs(int value) {
        return with(b -> b.maxQueuedJobs = value);
    }

    public GlowServerConfig withMaxQueueWait(Duration value) {
        return with(b -> b.maxQueueWait = value);
    }

    public GlowServerConfig withMaxJobsPerClient(int value) {
        return with(b -> b.maxJobsPerClient = value);
    }

    public GlowServerConfig withWorkerThreads(int value) {
        return with(b -> b.workerThreads = value);
    }

    public GlowServerConfig withIdleTimeout(Duration value) {
        return with(b -> b.idleTimeout = value);
    }

    public GlowServerConfig withRequestTimeout(Duration value) {
        return with(b -> b.requestTimeout = value);
    }

    /** Sets the minimum request rate, its window and its grace period. */
    public GlowServerConfig withMinRequestRate(long bytesPerSecond, Duration window, Duration gracePeriod) {
        return with(b -> {
            b.minRequestBytesPerSecond = bytesPerSecond;
            b.rateWindow = window;
            b.rateGracePeriod = gracePeriod;
        });
    }

    public GlowServerConfig withBodyBufferBytes(int value) {
        return with(b -> b.bodyBufferBytes = value);
    }

    public GlowServerConfig withMaxSpillBytes(long value) {
        return with(b -> b.maxSpillBytes = value);
    }

    private GlowServerConfig with(Consumer<Fields> change) {
        Fields fields = new Fields(this);
        change.accept(fields);
        return fields.config();
    }

    /** The components as variables, for the {@code with} methods. */
    private static final class Fields {
        long maxBodyBytes;
        long maxPixelsPerImage;
        long maxExpandedBytes;
        int maxConcurrentJobs;
        int maxQueuedJobs;
        Duration maxQueueWait;
        int maxJobsPerClient;
        int workerThreads;
        Duration idleTimeout;
        Duration requestTimeout;
        long minRequestBytesPerSecond;
        Duration rateWindow;
        Duration rateGracePeriod;
        int bodyBufferBytes;
        long maxSpillBytes;

        Fields(GlowServerConfig c) {
            maxBodyBytes = c.maxBodyBytes;
            maxPixelsPerImage = c.maxPixelsPerImage;
            maxExpandedBytes = c.maxExpandedBytes;
            maxConcurrentJobs = c.maxConcurrentJobs;
            maxQueuedJobs = c.maxQueuedJobs;
            maxQueueWait = c.maxQueueWait;
            maxJobsPerClient = c.maxJobsPerClient;
            workerThreads = c.workerThreads;
            idleTimeout = c.idleTimeout;
            requestTimeout = c.requestTimeout;
            minRequestBytesPerSecond = c.minRequestBytesPerSecond;
            rateWindow = c.rateWindow;
            rateGracePeriod = c.rateGracePeriod;
            bodyBufferBytes = c.bodyBufferBytes;
            maxSpillBytes = c.maxSpillBytes;
        }

        GlowServerConfig config() {
            return new GlowServerConfig(maxBodyBytes, maxPixelsPerImage, maxExpandedBytes, maxConcurrentJobs, maxQueuedJobs, maxQueueWait,
                    maxJobsPerClient, workerThreads, idleTimeout, requestTimeout, minRequestBytesPerSecond, rateWindow, rateGracePeriod,
                    bodyBufferBytes, maxSpillBytes);
        }
    }
}
