package org.glowzip.server.http;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.glowzip.server.ApiException;
import org.glowzip.server.ErrorKind;

/**
 * The bounded hand-over of a request body from the event loop to the job that reads it.
 *
 * <p>The event loop {@link #offer}s the body's buffers as they arrive; once {@code capacity}
 * bytes wait, offer says so and the connection stops reading (backpressure), and when the job has
 * drained the pipe to half of that, {@code onDrained} runs so that reading resumes. The job reads
 * through {@link #stream()}, blocking while the pipe is empty. The event loop can {@link #fail}
 * the pipe (client gone, body too large, idle), which the blocked job sees at once. {@link #close}
 * releases every buffer still held; later offers are released on arrival.
 */
final class BodyPipe {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    private final int capacity;
    private final AtomicLong bufferedGauge;
    private final Runnable onDrained;
    private final long maxWaitNanos;
    private long buffered;
    private boolean paused;
    private boolean finished;
    private boolean closed;
    private IOException failure;

    /**
     * @param maxWaitNanos longest a read waits for bytes before it fails as idle; a backstop, the
     *        event loop's idle timer normally fires first
     */
    BodyPipe(int capacity, AtomicLong bufferedGauge, Runnable onDrained, long maxWaitNanos) {
        this.capacity = capacity;
        this.bufferedGauge = bufferedGauge;
        this.onDrained = onDrained;
        this.maxWaitNanos = maxWaitNanos;
    }

    /** Takes ownership of {@code buffer}; true if the pipe is now full and reading should pause. */
    boolean offer(ByteBuf buffer) {
        lock.lock();
        try {
            if (closed || failure != null) {
                buffer.release();
                return false;
            }
            queue.add(buffer);
            buffered += buffer.readableBytes();
            bufferedGauge.addAndGet(buffer.readableBytes());
            changed.signalAll();
            if (buffered >= capacity) {
                paused = true;
            }
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /** The body is complete. */
    void finish() {
        lock.lock();
        try {
            finished = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the body: the reader gets {@code cause} (the first one given wins). */
    void fail(IOException cause) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            releaseAll();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The failure given to {@link #fail}, or {@code null}. */
    IOException failure() {
        lock.lock();
        try {
            return failure;
        } finally {
            lock.unlock();
        }
    }

    /** True while reading is paused because the pipe is full. */
    boolean paused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    boolean finished() {
        lock.lock();
        try {
            return finished;
        } finally {
            lock.unlock();
        }
    }

    /** Releases every buffer held; later offers are released on arrival. */
    void close() {
        lock.lock();
        try {
            closed = true;
            releaseAll();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void releaseAll() {
        ByteBuf buffer;
        while ((buffer = queue.poll()) != null) {
            bufferedGauge.addAndGet(-buffer.readableBytes());
            buffer.release();
        }
        buffered = 0;
    }

    /** The body as a blocking stream, for the one job that reads it. */
    InputStream stream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return take(b, off, len);
            }
        };
    }

    private int take(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        boolean resume = false;
        int n;
        lock.lock();
        try {
            long deadline = System.nanoTime() + maxWaitNanos;
            while (queue.isEmpty() && failure == null && !finished && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new BodyAbortedException(new ApiException(ErrorKind.IDLE_TIMEOUT, "request body stalled"));
                }
                try {
                    changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the request body");
                }
            }
            if (failure != null) {
                throw failure;
            }
            if (closed) {
                throw new IOException("request body closed");
            }
            ByteBuf head = queue.peek();
            if (head == null) {
                return -1; // finished
            }
            n = Math.min(len, head.readableBytes());
            head.readBytes(b, off, n);
            if (!head.isReadable()) {
                queue.poll().release();
            }
            buffered -= n;
            bufferedGauge.addAndGet(-n);
            if (paused && buffered <= capacity / 2) {
                paused = false;
                resume = true;
            }
        } finally {
            lock.unlock();
        }
        if (resume) {
            onDrained.run();
        }
        return n;
    }
}
