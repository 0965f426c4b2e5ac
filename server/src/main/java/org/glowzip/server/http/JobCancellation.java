package org.glowzip.server.http;

/**
 * Cancels one job by interrupting the worker thread that runs it, and only while it runs it: a
 * cancellation before the job starts interrupts it as it starts, one after it has ended does
 * nothing, and the worker leaves the job with its interrupt status cleared. The codec stops
 * between tiles on an interrupt ({@code BlockCoder}), a blocked body read or response write
 * fails, so a cancelled job ends within about one tile's coding time.
 */
final class JobCancellation {
    private Thread worker;
    private boolean cancelled;

    /** The job starts on the calling thread. */
    synchronized void enter() {
        worker = Thread.currentThread();
        if (cancelled) {
            worker.interrupt();
        }
    }

    /** The job has ended on the calling thread; clears an interrupt it was sent. */
    synchronized void exit() {
        worker = null;
        Thread.interrupted();
    }

    /** Interrupts the job, now if it runs, else as it starts. */
    synchronized void cancel() {
        cancelled = true;
        if (worker != null) {
            worker.interrupt();
        }
    }
}
