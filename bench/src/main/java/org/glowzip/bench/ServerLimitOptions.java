package org.glowzip.bench;

import java.time.Duration;
import org.glowzip.server.GlowServerConfig;
import picocli.CommandLine.Option;

/** Every limit of {@link GlowServerConfig} as a {@code glowzip serve} option, with its default. */
final class ServerLimitOptions {
    private static final GlowServerConfig DEFAULTS = GlowServerConfig.defaults();

    @Option(names = "--max-body-bytes", paramLabel = "BYTES",
            description = "Most bytes of one request body; more is 413 body_too_large (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes = DEFAULTS.maxBodyBytes();

    @Option(names = "--max-image-pixels", paramLabel = "PIXELS",
            description = "Most pixels (width x height) of one image, checked from its header; more is 413 image_too_large"
                    + " (default: ${DEFAULT-VALUE}).")
    long maxPixelsPerImage = DEFAULTS.maxPixelsPerImage();

    @Option(names = "--max-expanded-bytes", paramLabel = "BYTES",
            description = "Most bytes one request may expand to: an inflated gzip body, or decoded samples; more is 413"
                    + " (default: ${DEFAULT-VALUE}).")
    long maxExpandedBytes = DEFAULTS.maxExpandedBytes();

    @Option(names = "--max-jobs", paramLabel = "N",
            description = "Job slots: most compress/decompress jobs running at once. A job asks for its slot once its body"
                    + " is in or its body buffer full (default: ${DEFAULT-VALUE}, 4 per core).")
    int maxConcurrentJobs = DEFAULTS.maxConcurrentJobs();

    @Option(names = "--queue-length", paramLabel = "N",
            description = "Most jobs waiting for a slot while all are taken; one more is 503 overloaded with Retry-After;"
                    + " 0: no queue (default: ${DEFAULT-VALUE}).")
    int maxQueuedJobs = DEFAULTS.maxQueuedJobs();

    @Option(names = "--queue-wait", paramLabel = "SECONDS",
            description = "Longest a job waits in the queue, then 503 overloaded with Retry-After (default: ${DEFAULT-VALUE}).")
    double maxQueueWaitSeconds = seconds(DEFAULTS.maxQueueWait());

    @Option(names = "--max-jobs-per-client", paramLabel = "N",
            description = "Most jobs running or waiting for one client address; more is 429 too_many_requests;"
                    + " 0: no limit of its own (default: ${DEFAULT-VALUE}).")
    int maxJobsPerClient = DEFAULTS.maxJobsPerClient();

    @Option(names = "--workers", paramLabel = "N", description = "Worker threads that run the jobs (default: ${DEFAULT-VALUE}, one per core).")
    int workerThreads = DEFAULTS.workerThreads();

    @Option(names = "--idle-timeout", paramLabel = "SECONDS",
            description = "A request body that stalls, or a client that does not read its response, this long is answered 408"
                    + " idle_timeout (or cut off); an idle keep-alive connection is closed (default: ${DEFAULT-VALUE}).")
    double idleTimeoutSeconds = seconds(DEFAULTS.idleTimeout());

    @Option(names = "--request-timeout", paramLabel = "SECONDS",
            description = "Most time a request's head and body may take to arrive, not counting time the server does not read"
                    + " (a full body buffer); more is 408 request_timeout (default: ${DEFAULT-VALUE}).")
    double requestTimeoutSeconds = seconds(DEFAULTS.requestTimeout());

    @Option(names = "--min-rate", paramLabel = "BYTES_PER_SECOND",
            description = "Least rate at which a request must arrive, averaged over each --rate-window once it has been"
                    + " arriving for --rate-grace; less is 408 request_too_slow; 0: no check (default: ${DEFAULT-VALUE}).")
    long minRequestBytesPerSecond = DEFAULTS.minRequestBytesPerSecond();

    @Option(names = "--rate-window", paramLabel = "SECONDS",
            description = "The window over which --min-rate is averaged (default: ${DEFAULT-VALUE}).")
    double rateWindowSeconds = seconds(DEFAULTS.rateWindow());

    @Option(names = "--rate-grace", paramLabel = "SECONDS",
            description = "How long a request may arrive at any rate before --min-rate applies (default: ${DEFAULT-VALUE}).")
    double rateGraceSeconds = seconds(DEFAULTS.rateGracePeriod());

    @Option(names = "--body-buffer-bytes", paramLabel = "BYTES",
            description = "Request body bytes buffered per request before the server stops reading it; about as much again is"
                    + " buffered for a response (default: ${DEFAULT-VALUE}).")
    int bodyBufferBytes = DEFAULTS.bodyBufferBytes();

    @Option(names = "--max-spill-bytes", paramLabel = "BYTES",
            description = "Most response bytes per job kept in a temporary file while the client is still sending and not yet"
                    + " reading; 0: no spill file (default: ${DEFAULT-VALUE}).")
    long maxSpillBytes = DEFAULTS.maxSpillBytes();

    /** The limits given. */
    GlowServerConfig config() {
        return new GlowServerConfig(maxBodyBytes, maxPixelsPerImage, maxExpandedBytes, maxConcurrentJobs, maxQueuedJobs,
                duration(maxQueueWaitSeconds), maxJobsPerClient, workerThreads, duration(idleTimeoutSeconds), duration(requestTimeoutSeconds),
                minRequestBytesPerSecond, duration(rateWindowSeconds), duration(rateGraceSeconds), bodyBufferBytes, maxSpillBytes);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static Duration duration(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
