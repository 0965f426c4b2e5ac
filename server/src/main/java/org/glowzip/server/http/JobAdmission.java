package org.glowzip.server.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The job slots and the queue in front of them: at most {@code maxJobs} jobs hold a slot at
 * once; while all are taken, up to {@code maxQueued} more wait, and a slot that is released goes
 * to the one that has waited longest. At most {@code maxPerClient} jobs of one client address
 * hold or wait for a slot (0: no such limit).
 *
 * <p>Thread-safe. Every slot is released exactly once, by the job that was admitted or granted
 * it; a waiter that gives up {@link #withdraw}s, and a slot granted to it just before must still
 * be released by it.
 */
final class JobAdmission {
    /** A job waiting in the queue. */
    interface Waiter {
        String client();

        /** The waiter holds a slot now. Called on the releasing thread, outside the lock. */
        void granted();
    }

    /** What {@link #admit} did with a job. */
    enum Outcome {
        /** It holds a slot. */
        ADMITTED,
        /** It waits for a slot; {@link Waiter#granted} follows, unless it withdraws first. */
        QUEUED,
        /** Refused: every slot is taken and the queue is full. */
        QUEUE_FULL,
        /** Refused: its client has {@code maxPerClient} jobs holding or waiting for a slot. */
        CLIENT_LIMIT
    }

    private final int maxJobs;
    private final int maxQueued;
    private final int maxPerClient;
    private final AtomicLong queuedGauge;
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private final Map<String, Integer> perClient = new HashMap<>();
    private int admitted;

    JobAdmission(int maxJobs, int maxQueued, int maxPerClient, AtomicLong queuedGauge) {
        this.maxJobs = maxJobs;
        this.maxQueued = maxQueued;
        this.maxPerClient = maxPerClient;
        this.queuedGauge = queuedGauge;
    }

    /** Admits or queues {@code waiter}'s job, or refuses it. */
    synchronized Outcome admit(Waiter waiter) {
        Outcome outcome = probe(waiter.client());
        if (outcome == Outcome.ADMITTED) {
            admitted++;
        } else if (outcome == Outcome.QUEUED) {
            queue.add(waiter);
            queuedGauge.set(queue.size());
        } else {
            return outcome;
        }
        perClient.merge(waiter.client(), 1, Integer::sum);
        return outcome;
    }

    /** What {@link #admit} would do with a job of {@code client} now, without doing it. */
    synchronized Outcome probe(String client) {
        if (admitted >= maxJobs && queue.size() >= maxQueued) {
            return Outcome.QUEUE_FULL;
        }
        if (maxPerClient > 0 && perClient.getOrDefault(client, 0) >= maxPerClient) {
            return Outcome.CLIENT_LIMIT;
        }
        return admitted < maxJobs ? Outcome.ADMITTED : Outcome.QUEUED;
    }

    /** Takes {@code waiter} out of the queue if it is still there. */
    synchronized void withdraw(Waiter waiter) {
        if (queue.remove(waiter)) {
            queuedGauge.set(queue.size());
            forget(waiter.client());
        }
    }

    /** Releases a slot of {@code client}'s; it goes to the longest waiter, if any. */
    void release(String client) {
        List<Waiter> granted = new ArrayList<>(1);
        synchronized (this) {
            admitted--;
            forget(client);
            while (admitted < maxJobs && !queue.isEmpty()) {
                granted.add(queue.poll());
                admitted++;
            }
            queuedGauge.set(queue.size());
        }
        granted.forEach(Waiter::granted);
    }

    private void forget(String client) {
        perClient.computeIfPresent(client, (c, count) -> count <= 1 ? null : count - 1);
    }
}
