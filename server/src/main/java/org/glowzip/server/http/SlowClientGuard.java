package org.glowzip.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.glowzip.server.ApiException;
import org.glowzip.server.ErrorKind;
import org.glowzip.server.GlowServerConfig;

/**
 * Times the arrival of each request on a connection, from the raw bytes before the HTTP decoder:
 * a request's head and body must arrive within {@code requestTimeout}, and, once they have been
 * arriving for {@code rateGracePeriod}, at {@code minRequestBytesPerSecond} or more averaged over
 * each {@code rateWindow} ({@link GlowServerConfig}). A request that fails either is reported
 * with a {@link RequestTimeout} user event, which {@link HttpApiHandler} answers with a 408 and a
 * closed connection.
 *
 * <p>A request's clock starts with its first byte and stops when {@link HttpApiHandler} has all
 * of it ({@link #requestReceived}). It stands still while the server does not read
 * ({@link #readingPaused}): a full body buffer is the server's doing, not the client's. Bytes
 * that arrive while a response is still being sent (a pipelined request) start the next clock
 * when the connection turns to the next request ({@link #nextRequest}). Event loop only.
 */
public final class SlowClientGuard extends ChannelInboundHandlerAdapter {
    /** A request that did not arrive in time: the error to answer, and how long it had been arriving. */
    record RequestTimeout(ApiException error, double seconds) {
    }

    private enum State {
        /** Between requests: the clock starts at the next byte. */
        WAITING,
        /** A request is arriving: its clock runs. */
        RECEIVING,
        /** The request is in (or answered); its response is being sent. */
        ANSWERING
    }

    private static final long MIN_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long timeoutNanos;
    private final long minBytesPerSecond;
    private final long windowNanos;
    private final long graceNanos;
    private final long checkNanos;
    private ChannelHandlerContext ctx;
    private State state = State.WAITING;
    private boolean paused;
    private boolean bytesWhileAnswering;
    private ScheduledFuture<?> checks;
    private long bytes;
    /** How long the request has been arriving, time not read excluded. */
    private long arrivingNanos;
    /** The {@link System#nanoTime} up to which {@link #arrivingNanos} is counted. */
    private long countedTo;
    /** {@link #arrivingNanos} at the start of the current rate window; negative before the grace period ends. */
    private long windowStart;
    private long windowStartBytes;

    public SlowClientGuard(GlowServerConfig config) {
        this.timeoutNanos = config.requestTimeout().toNanos();
        this.minBytesPerSecond = config.minRequestBytesPerSecond();
        this.windowNanos = config.rateWindow().toNanos();
        this.graceNanos = config.rateGracePeriod().toNanos();
        this.checkNanos = Math.max(MIN_CHECK_NANOS, Math.min(MAX_CHECK_NANOS, Math.min(timeoutNanos, windowNanos) / 8));
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stopChecks();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buffer && buffer.isReadable()) {
            switch (state) {
                case WAITING -> {
                    begin();
                    bytes += buffer.readableBytes();
                }
                case RECEIVING -> bytes += buffer.readableBytes();
                case ANSWERING -> bytesWhileAnswering = true;
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stopChecks();
        super.channelInactive(ctx);
    }

    /** The request being received is all in, or answered without the rest: its clock stops. */
    void requestReceived() {
        stopChecks();
        state = State.ANSWERING;
        bytesWhileAnswering = false;
    }

    /**
     * The connection turns to its next request; {@code begun}: some of it has been decoded already.
     * Its clock starts now if any of it has arrived, else with its first byte.
     */
    void nextRequest(boolean begun) {
        stopChecks();
        state = State.WAITING;
        if (begun || bytesWhileAnswering) {
            begin();
        }
    }

    /** Whether the server has stopped reading from the connection. */
    void readingPaused(boolean paused) {
        if (state == State.RECEIVING) {
            count();
        }
        this.paused = paused;
    }

    private void begin() {
        state = State.RECEIVING;
        bytes = 0;
        arrivingNanos = 0;
        countedTo = System.nanoTime();
        windowStart = -1;
        checks = ctx.executor().scheduleAtFixedRate(this::check, checkNanos, checkNanos, TimeUnit.NANOSECONDS);
    }

    private void count() {
        long now = System.nanoTime();
        if (!paused) {
            arrivingNanos += now - countedTo;
        }
        countedTo = now;
    }

    private void check() {
        if (state != State.RECEIVING) {
            return;
        }
        count();
        if (arrivingNanos > timeoutNanos) {
            timeOut(ErrorKind.REQUEST_TIMEOUT, "the request took longer than " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                    + " ms to arrive");
            return;
        }
        if (minBytesPerSecond == 0 || arrivingNanos < graceNanos) {
            return;
        }
        if (windowStart >= 0 && arrivingNanos - windowStart >= windowNanos) {
            long span = arrivingNanos - windowStart;
            double rate = (bytes - windowStartBytes) * 1e9 / span;
            if (rate < minBytesPerSecond) {
                timeOut(ErrorKind.REQUEST_TOO_SLOW, String.format(Locale.ROOT,
                        "the request arrived at %.1f bytes/s over %d ms; at least %d bytes/s are required",
                        rate, TimeUnit.NANOSECONDS.toMillis(span), minBytesPerSecond));
                return;
            }
        }
        if (windowStart < 0 || arrivingNanos - windowStart >= windowNanos) {
            windowStart = arrivingNanos;
            windowStartBytes = bytes;
        }
    }

    private void timeOut(ErrorKind kind, String message) {
        double seconds = arrivingNanos / 1e9;
        requestReceived();
        ctx.fireUserEventTriggered(new RequestTimeout(new ApiException(kind, message), seconds));
    }

    private void stopChecks() {
        if (checks != null) {
            checks.cancel(false);
            checks = null;
        }
    }
}
