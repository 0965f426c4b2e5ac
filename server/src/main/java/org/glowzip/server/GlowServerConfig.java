package org.glowzip.server;

import java.time.Duration;

/**
 * The limits of a {@link GlowServer}.
 *
 * @param maxBodyBytes most bytes of one request body; more is answered 413 {@code body_too_large}
 * @param maxPixelsPerImage most pixels (width x height) of one image, compressed or decompressed;
 *        checked from the image's header before it is decoded; more is 413 {@code image_too_large}
 * @param maxExpandedBytes most bytes one request may expand to: a gzip body inflated on compress,
 *        decoded samples on decompress (a coded block describes many pixels in few bytes); more is 413
 * @param maxConcurrentJobs most compress/decompress jobs admitted at once, running or waiting for
 *        a worker; one more is answered 503 {@code overloaded} with {@code Retry-After}
 * @param maxJobsPerClient most jobs admitted at once for one client address; more is 429
 *        {@code too_many_requests}
 * @param workerThreads threads that run the flow, off the event loop
 * @param idleTimeout a request whose body stalls, or a client that stops reading its response,
 *        for this long is answered 408 {@code idle_timeout} (or cut off if the response has
 *        begun); an idle keep-alive connection is closed
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
        int maxJobsPerClient,
        int workerThreads,
        Duration idleTimeout,
        int bodyBufferBytes,
        long maxSpillBytes) {

    public GlowServerConfig {
        if (maxBodyBytes < 1 || maxPixelsPerImage < 1 || maxExpandedBytes < 1 || maxConcurrentJobs < 1 || maxJobsPerClient < 1
                || workerThreads < 1 || bodyBufferBytes < 1024 || maxSpillBytes < 0 || idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("every limit must be positive (and the body buffer at least 1 KiB): " + this);
        }
    }

    /**
     * 256 MiB bodies, 4096 x 4096 images, 4 GiB expansion, a worker per core, 4 jobs per worker
     * (each client may hold all), 30 s idle timeout, 1 MiB body buffer and up to 1 GiB of response
     * spill file per job.
     */
    public static GlowServerConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new GlowServerConfig(256L << 20, 4096L * 4096, 4L << 30, 4 * cores, 4 * cores, cores, Duration.ofSeconds(30), 1 << 20, 1L << 30);
    }

    public GlowServerConfig withMaxBodyBytes(long value) {
        return new GlowServerConfig(value, maxPixelsPerImage, maxExpandedBytes, maxConcurrentJobs, maxJobsPerClient, workerThreads, idleTimeout, bodyBufferBytes, maxSpillBytes);
    }

    public GlowServerConfig withMaxPixelsPerImage(long value) {
        return new GlowServerConfig(maxBodyBytes, value, maxExpandedBytes, maxConcurrentJobs, maxJobsPerClient, workerThreads, idleTimeout, bodyBufferBytes, maxSpillBytes);
    }

    public GlowServerConfig withMaxExpandedBytes(long value) {
        return new GlowServerConfig(maxBodyBytes, maxPixelsPerImage, value, maxConcurrentJobs, maxJobsPerClient, workerThreads, idleTimeout, bodyBufferBytes, maxSpillBytes);
    }

    /** Sets both job limits: {@code maxConcurrentJobs} and {@code maxJobsPerClient}. */
    public GlowServerConfig withMaxConcurrentJobs(int value) {
        return new GlowServerConfig(maxBodyBytes, maxPixelsPerImage, maxExpandedBytes, value, value, workerThreads, idleTimeout, bodyBufferBytes, maxSpillBytes);
    }

    public GlowServerConfig withMaxJobsPerClient(int value) {
        return new GlowServerConfig(maxBodyBytes, maxPixelsPerImage, maxExpandedBytes, maxConcurrentJobs, value, workerThreads, idleTimeout, bodyBufferBytes, maxSpillBytes);
    }

    public GlowServerConfig withWorkerThreads(int value) {
        return new GlowServerConfig(maxBodyBytes, maxPixelsPerImage, maxExpandedBytes, maxConcurrentJobs, maxJobsPerClient, value, idleTimeout, bodyBufferBytes, maxSpillBytes);
    }

    public GlowServerConfig withIdleTimeout(Duration value) {
        return new GlowServerConfig(maxBodyBytes, maxPixelsPerImage, maxExpandedBytes, maxConcurrentJobs, maxJobsPerClient, workerThreads, value, bodyBufferBytes, maxSpillBytes);
    }

    public GlowServerConfig withMaxSpillBytes(long value) {
        return new GlowServerConfig(maxBodyBytes, maxPixelsPerImage, maxExpandedBytes, maxConcurrentJobs, maxJobsPerClient, workerThreads, idleTimeout, bodyBufferBytes, value);
    }

    public GlowServerConfig withBodyBufferBytes(int value) {
        return new GlowServerConfig(maxBodyBytes, maxPixelsPerImage, maxExpandedBytes, maxConcurrentJobs, maxJobsPerClient, workerThreads, idleTimeout, value, maxSpillBytes);
    }
}
