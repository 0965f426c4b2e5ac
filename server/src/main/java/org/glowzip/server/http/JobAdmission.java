package org.glowzip.server.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.glowzip.server.ErrorKind;

/**
 * Admission of compress/decompress jobs: at most {@code maxJobs} at once (more is
 * {@link ErrorKind#OVERLOADED}) and at most {@code maxPerClient} per client address (more is
 * {@link ErrorKind#TOO_MANY_REQUESTS}). Thread-safe; every admission is released exactly once.
 */
final class JobAdmission {
    private final int maxJobs;
    private final int maxPerClient;
    private final AtomicInteger jobs = new AtomicInteger();
    private final ConcurrentMap<String, Integer> perClient = new ConcurrentHashMap<>();

    JobAdmission(int maxJobs, int maxPerClient) {
        this.maxJobs = maxJobs;
        this.maxPerClient = maxPerClient;
    }

    /** Admits a job of {@code client}; {@code null} if admitted, else why not. */
    ErrorKind tryAdmit(String client) {
        if (jobs.incrementAndGet() > maxJobs) {
            jobs.decrementAndGet();
            return ErrorKind.OVERLOADED;
        }
        if (perClient.merge(client, 1, Integer::sum) > maxPerClient) {
            release(client);
            return ErrorKind.TOO_MANY_REQUESTS;
        }
        return null;
    }

    void release(String client) {
        jobs.decrementAndGet();
        perClient.computeIfPresent(client, (c, count) -> count <= 1 ? null : count - 1);
    }

    int jobs() {
        return jobs.get();
    }
}
