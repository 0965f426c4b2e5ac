package org.glowzip.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The response of a job, written from the job's thread as a chunked HTTP body.
 *
 * <p>Bytes collect in a chunk buffer; a full buffer or {@link #flush} sends a chunk, and the
 * response head (set by {@link #head}) goes out with the first chunk, so a job that fails before
 * it flushes can still answer with an error ({@link #sendFull}). Backpressure: while more than
 * {@code maxInFlight} bytes are written but not yet taken by the socket, the writer blocks; if the
 * client does not read for {@code timeoutNanos}, or the connection is gone, writes fail with
 * {@link ClientGoneException}. {@link #close} sends the last chunk and the end of the body.
 *
 * <p>While the request body is still arriving, chunks the socket does not take go to a
 * {@link SpillFile} instead of blocking the writer, and are sent from there, before anything
 * written after them, once the body is in or the spill file is full.
 */
final class ResponseStream extends OutputStream {
    private final Channel channel;
    private final int chunkSize;
    private final long maxInFlight;
    private final long timeoutNanos;
    private final IntConsumer sentBytes;
    private final BooleanSupplier requestPending;
    private final SpillFile spill;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();
    private byte[] buffer;
    private int count;
    private HttpResponse head;
    private volatile boolean committed;
    private boolean closed;
    private long inFlight;
    private IOException failure;
    private ChannelFuture last;

    /**
     * @param requestPending true while the request body is still arriving: a client that sends
     *        its whole body before it reads (the JDK HttpClient does) is then not read from, and
     *        chunks that the socket does not take are spilled to a temporary file, up to
     *        {@code maxSpill} bytes, and sent from it once the body is in
     */
    ResponseStream(Channel channel, int chunkSize, long maxInFlight, long timeoutNanos, IntConsumer sentBytes,
            BooleanSupplier requestPending, long maxSpill) {
        this.channel = channel;
        this.requestPending = requestPending;
        this.spill = new SpillFile(maxSpill);
        this.chunkSize = chunkSize;
        this.maxInFlight = maxInFlight;
        this.timeoutNanos = timeoutNanos;
        this.sentBytes = sentBytes;
        this.buffer = new byte[chunkSize];
    }

    /** The head to send, with chunked transfer encoding, before the first chunk. */
    void head(HttpResponse response) {
        HttpUtil.setTransferEncodingChunked(response, true);
        this.head = response;
    }

    /** True once anything of the response has been sent: its status can no longer change. */
    boolean committed() {
        return committed;
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            sendBuffer();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (count == buffer.length) {
                sendBuffer();
            }
            int n = Math.min(len, buffer.length - count);
            System.arraycopy(b, off, buffer, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    /** Sends what is buffered as a chunk (committing the response). */
    @Override
    public void flush() throws IOException {
        if (count > 0) {
            sendBuffer();
        }
    }

    /** Sends the rest and ends the body; idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        flush();
        drainSpill();
        if (!committed) {
            send(null, 0); // an empty body still needs its head
        }
        closed = true;
        last = send(new DefaultLastHttpContent(), 0);
    }

    /** The whole response at once, instead of a streamed one; only before anything was sent. */
    ChannelFuture sendFull(FullHttpResponse response) throws IOException {
        if (committed) {
            response.release();
            throw new IllegalStateException("response already committed");
        }
        count = 0;
        closed = true;
        committed = true;
        int bytes = response.content().readableBytes();
        last = write(response, bytes);
        return last;
    }

    /** The future of the write that ended the response, once {@link #close} or {@link #sendFull} ran. */
    ChannelFuture last() {
        return last;
    }

    /** Fails writes from now on (and wakes a blocked writer): the connection is gone. */
    void abort(IOException cause) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            drained.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void sendBuffer() throws IOException {
        int bytes = count;
        count = 0;
        if (!committed) {
            send(null, 0);
        }
        if (!spill.isEmpty() || (requestPending.getAsBoolean() && congested())) {
            if (requestPending.getAsBoolean() && spill.fits(bytes)) {
                spill.append(buffer, bytes);
                return;
            }
            drainSpill();
        }
        ByteBuf content = channel.alloc().buffer(bytes).writeBytes(buffer, 0, bytes);
        send(new DefaultHttpContent(content), bytes);
    }

    private boolean congested() {
        lock.lock();
        try {
            return inFlight > maxInFlight;
        } finally {
            lock.unlock();
        }
    }

    /** Sends what was spilled, in order, blocking as the client reads. */
    private void drainSpill() throws IOException {
        for (ByteBuf piece = spill.take(channel.alloc(), chunkSize); piece != null; piece = spill.take(channel.alloc(), chunkSize)) {
            send(new DefaultHttpContent(piece), piece.readableBytes());
        }
    }

    /** Deletes the spill file, if any; called once the job is over. */
    void release() {
        spill.close();
    }

    private ChannelFuture send(HttpObject message, int bytes) throws IOException {
        if (!committed) {
            committed = true;
            write(head, 0);
        }
        return message == null ? null : write(message, bytes);
    }

    private ChannelFuture write(HttpObject message, int bytes) throws IOException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + timeoutNanos;
            while (failure == null && inFlight > maxInFlight) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    failure = new ClientGoneException("client stopped reading the response");
                    break;
                }
                try {
                    drained.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new InterruptedIOException("interrupted while writing the response");
                }
            }
            if (failure != null) {
                io.netty.util.ReferenceCountUtil.release(message);
                throw failure;
            }
            inFlight += bytes;
        } finally {
            lock.unlock();
        }
        ChannelFuture future = channel.writeAndFlush(message);
        future.addListener(f -> {
            lock.lock();
            try {
                inFlight -= bytes;
                if (!f.isSuccess() && failure == null) {
                    failure = new ClientGoneException("connection lost: " + f.cause());
                }
                drained.signalAll();
            } finally {
                lock.unlock();
            }
            if (f.isSuccess()) {
                sentBytes.accept(bytes);
            }
        });
        return future;
    }
}
