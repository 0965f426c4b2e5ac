package org.glowzip.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.server.ApiException;
import org.glowzip.server.ErrorKind;
import org.glowzip.server.codec.LimitExceededException;
import org.glowzip.server.codec.UnsupportedStreamException;
import org.glowzip.server.input.BodyImages;

/**
 * One request and its response, from the request head to the end of both bodies.
 *
 * <p>Threads: everything here runs on the connection's event loop except {@link #run}, the job,
 * which runs on a worker and talks to the event loop only through the {@link BodyPipe}, the
 * {@link ResponseStream} and tasks it submits to the event loop. While a job runs it alone writes
 * the response. The exchange is done when the response is sent, the request body is received (or
 * discarded) and the job has returned; then the connection takes the next request or closes.
 * Whatever way it ends (success, error, idle, client gone) the job's admission, its buffers and
 * its worker are released.
 */
final class Exchange {
    private static final InternalLogger LOG = InternalLoggerFactory.getInstance(Exchange.class);
    /** Bytes per response chunk. */
    static final int CHUNK_BYTES = 32 * 1024;

    private final HttpApiHandler connection;
    private final ChannelHandlerContext ctx;
    private final ServerContext server;
    private final HttpRequest request;
    final String endpoint;
    private final boolean keepAlive;
    private final String client;
    private final long start = System.nanoTime();

    private boolean bodyComplete;
    private long received;
    private boolean closeAfter;
    private boolean responseComplete;
    private boolean jobRunning;
    private boolean connectionLost;
    private boolean errorCounted;
    private boolean done;
    private int status;
    private volatile boolean cutOff;
    private BodyPipe pipe;
    private ResponseStream response;

    Exchange(HttpApiHandler connection, ChannelHandlerContext ctx, ServerContext server, HttpRequest request, String endpoint, String client) {
        this.connection = connection;
        this.ctx = ctx;
        this.server = server;
        this.request = request;
        this.endpoint = endpoint;
        this.keepAlive = HttpUtil.isKeepAlive(request);
        this.client = client;
    }

    boolean bodyComplete() {
        return bodyComplete;
    }

    /** True while the job's body pipe is full: the connection should not read. */
    boolean readingPaused() {
        return jobRunning && pipe != null && pipe.paused();
    }

    /** The request is answered at once, e.g. a GET or a refusal; the body, if any, is discarded. */
    void respond(FullHttpResponse answer) {
        status = answer.status().code();
        if (!keepAlive || closeAfter) {
            closeAfter = true;
            answer.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        server.metrics.responseBytes(endpoint, answer.content().readableBytes());
        ctx.writeAndFlush(answer).addListener(f -> {
            responseComplete = true;
            maybeFinish();
        });
    }

    /** An error answered at once; {@code close} closes the connection after it. */
    void respondError(ApiException error, boolean close) {
        countError(error.kind().label());
        closeAfter |= close;
        respond(errorResponse(error.kind(), error.getMessage(), closeAfter));
    }

    static FullHttpResponse errorResponse(ErrorKind kind, String message, boolean close) {
        byte[] json = Json.error(kind, message).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, kind.status(), Unpooled.wrappedBuffer(json));
        answer.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        HttpUtil.setContentLength(answer, json.length);
        if (kind == ErrorKind.OVERLOADED || kind == ErrorKind.TOO_MANY_REQUESTS || kind == ErrorKind.SHUTTING_DOWN) {
            answer.headers().set(HttpHeaderNames.RETRY_AFTER, 1);
        }
        if (close) {
            answer.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return answer;
    }

    /** Admits {@code job} and runs it on a worker, or answers 503/429 if it is not admitted. */
    void startJob(Job job) {
        ErrorKind refused = server.closing.get() ? ErrorKind.SHUTTING_DOWN : server.admission.tryAdmit(client);
        boolean expectsContinue = HttpUtil.is100ContinueExpected(request);
        if (refused != null) {
            respondError(new ApiException(refused, switch (refused) {
                case TOO_MANY_REQUESTS -> "this client already has " + server.config.maxJobsPerClient() + " jobs running; retry later";
                case OVERLOADED -> "the server is running its maximum of " + server.config.maxConcurrentJobs() + " jobs; retry later";
                default -> "the server is shutting down";
            }), expectsContinue);
            return;
        }
        long idleNanos = server.config.idleTimeout().toNanos();
        pipe = new BodyPipe(server.config.bodyBufferBytes(), server.metrics.bufferedBodyBytes(),
                () -> ctx.executor().execute(connection::updateReading), 2 * idleNanos);
        BodyPipe body = pipe;
        response = new ResponseStream(ctx.channel(), CHUNK_BYTES, server.config.bodyBufferBytes(), idleNanos,
                n -> server.metrics.responseBytes(endpoint, n), () -> !body.finished() && body.failure() == null,
                server.config.maxSpillBytes());
        jobRunning = true;
        server.metrics.jobsActive().incrementAndGet();
        if (expectsContinue) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
        }
        try {
            server.workers.execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            jobRunning = false;
            server.admission.release(client);
            server.metrics.jobsActive().decrementAndGet();
            pipe.close();
            respondError(new ApiException(ErrorKind.SHUTTING_DOWN, "the server is shutting down"), true);
        }
    }

    /** A piece of the request body (event loop). */
    void content(HttpContent content) {
        ByteBuf bytes = content.content();
        int n = bytes.readableBytes();
        received += n;
        server.metrics.requestBytes(endpoint, n);
        boolean last = content instanceof LastHttpContent;
        long max = server.config.maxBodyBytes();
        if (content.decoderResult().isFailure()) {
            content.release();
            closeAfter = true;
            last = true;
            if (jobRunning) {
                pipe.fail(new BodyAbortedException(new ApiException(ErrorKind.BAD_REQUEST, "bad HTTP body framing: "
                        + content.decoderResult().cause())));
            }
        } else if (jobRunning && received <= max) {
            if (n > 0) {
                if (pipe.offer(bytes)) {
                    connection.updateReading();
                }
            } else {
                content.release();
            }
        } else {
            content.release();
            if (jobRunning) {
                closeAfter = true;
                pipe.fail(new BodyAbortedException(new ApiException(ErrorKind.BODY_TOO_LARGE,
                        "request body exceeds the limit of " + max + " bytes")));
            } else if (received > 2 * max) {
                ctx.close(); // discarded enough of a body nobody will read
                return;
            }
        }
        if (last) {
            bodyComplete = true;
            if (pipe != null) {
                pipe.finish();
            }
            maybeFinish();
        }
    }

    /** The body arrived in full with the head (no body, or a bad request). */
    void bodyEnded(boolean close) {
        closeAfter |= close;
        bodyComplete = true;
        if (pipe != null) {
            pipe.finish();
        }
        maybeFinish();
    }

    /** Nothing was read for the idle timeout (event loop). */
    void idle() {
        if (bodyComplete) {
            return; // the job's writes have their own timeout
        }
        if (jobRunning) {
            if (!pipe.paused()) {
                closeAfter = true;
                pipe.fail(new BodyAbortedException(new ApiException(ErrorKind.IDLE_TIMEOUT,
                        "no request body bytes for " + server.config.idleTimeout().toMillis() + " ms")));
            }
        } else {
            ctx.close();
        }
    }

    /** The connection closed (event loop). */
    void connectionLost() {
        if (connectionLost) {
            return;
        }
        connectionLost = true;
        ClientGoneException gone = new ClientGoneException("client disconnected");
        if (pipe != null) {
            pipe.fail(gone);
        }
        if (response != null) {
            response.abort(gone);
        }
        maybeFinish();
    }

    /** The job, on a worker thread. Whatever happens, its admission, spill file and worker are released. */
    private void run(Job job) {
        int code = HttpResponseStatus.OK.code();
        boolean failed = false;
        try {
            Throwable failure = null;
            try {
                job.run(pipe.stream(), response);
            } catch (Throwable t) {
                failure = t;
            } finally {
                pipe.close();
            }
            if (failure != null) {
                failed = true;
                code = answerFailure(failure);
            }
        } catch (RuntimeException | Error unexpected) {
            failed = true;
            LOG.warn("{} job could not answer", endpoint, unexpected);
            ctx.channel().close();
        } finally {
            response.release();
            server.admission.release(client);
            server.metrics.jobsActive().decrementAndGet();
            server.metrics.images(endpoint, job.images(), job.samples());
            int finalCode = code;
            boolean finalFailed = failed;
            ChannelFuture last = response.last();
            try {
                ctx.executor().execute(() -> jobFinished(finalCode, finalFailed, last));
            } catch (RejectedExecutionException shuttingDown) {
                // the event loop is gone, and the connection with it
            }
        }
    }

    /** Answers a failed job with its error, or cuts the response off; returns the status sent. */
    private int answerFailure(Throwable failure) {
        ApiException error = classify(failure, pipe.failure());
        if (error == null) {
            cutOff = true;
            ctx.channel().close(); // the client left, or stopped reading
            return 499;
        }
        countError(error.kind().label());
        if (error.kind() == ErrorKind.INTERNAL) {
            LOG.warn("{} job failed", endpoint, failure);
        }
        if (response.committed()) {
            // the status went out with the first block: cut the response off so the client sees it incomplete
            cutOff = true;
            ctx.channel().close();
            return 499;
        }
        try {
            response.sendFull(errorResponse(error.kind(), error.getMessage(), true));
        } catch (IOException e) {
            ctx.channel().close();
        }
        return error.kind().status().code();
    }

    private void jobFinished(int code, boolean failed, ChannelFuture last) {
        jobRunning = false;
        status = code;
        if (failed) {
            closeAfter = true;
        }
        if (last == null) {
            maybeFinish();
        } else {
            last.addListener(f -> {
                responseComplete = f.isSuccess();
                if (!f.isSuccess()) {
                    ctx.close();
                }
                maybeFinish();
            });
        }
    }

    /** The error to answer for a job's failure; {@code null} when the client is gone. */
    private static ApiException classify(Throwable failure, IOException pipeFailure) {
        Throwable cause = failure instanceof ApiException || pipeFailure == null ? failure : pipeFailure;
        if (cause instanceof ApiException api) {
            return api;
        }
        if (cause instanceof BodyAbortedException aborted) {
            return aborted.error();
        }
        ApiException refused = BodyImages.refusal(cause);
        if (refused != null) {
            return refused;
        }
        if (cause instanceof ClientGoneException || cause instanceof InterruptedIOException) {
            return null;
        }
        if (cause instanceof MalformedStreamException) {
            return new ApiException(ErrorKind.MALFORMED, cause.getMessage());
        }
        if (cause instanceof UnsupportedStreamException) {
            return new ApiException(ErrorKind.UNDECODABLE, cause.getMessage());
        }
        if (cause instanceof LimitExceededException exceeded) {
            return new ApiException(exceeded.limit() == LimitExceededException.Limit.PIXELS_PER_IMAGE ? ErrorKind.IMAGE_TOO_LARGE
                    : ErrorKind.BODY_TOO_LARGE, cause.getMessage());
        }
        if (cause instanceof IOException) {
            return new ApiException(ErrorKind.MALFORMED, "unreadable body: " + cause.getMessage());
        }
        return new ApiException(ErrorKind.INTERNAL, "internal error: " + cause);
    }

    /** Counts this exchange's error, once. */
    private void countError(String kind) {
        errorCounted = true;
        server.metrics.error(kind);
    }

    private void maybeFinish() {
        if (done || jobRunning) {
            return;
        }
        if (!connectionLost && (!responseComplete || !bodyComplete)) {
            return; // still sending, or still discarding the rest of the body
        }
        done = true;
        int code = responseComplete ? status : 499;
        if (code == 499 && !errorCounted) {
            countError("client_disconnected"); // whichever side noticed first: the job, the write or the closed channel
        }
        server.metrics.request(endpoint, code, (System.nanoTime() - start) / (double) TimeUnit.SECONDS.toNanos(1));
        connection.exchangeDone(this, closeAfter || !keepAlive || connectionLost);
    }
}
