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
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.glowzip.server.ApiException;
import org.glowzip.server.ErrorKind;

/**
 * One request and its response, from the request head to the end of both bodies.
 *
 * <p>A compress or decompress request goes {@link Phase#RECEIVING} (its body fills the job's
 * pipe), {@link Phase#QUEUED} (waiting for a job slot), {@link Phase#RUNNING} (the job runs on a
 * worker), {@link Phase#ANSWERED}, {@link Phase#DONE}; any other request is answered at once.
 * The job asks for its slot once its body is in or its pipe is full, so a client that trickles
 * its body holds a connection and a buffer, never a slot or a worker; a slow or stalled client
 * is cut off by the {@link SlowClientGuard} or the idle timer ({@link #timedOut}) with a 408.
 *
 * <p>Threads: everything here runs on the connection's event loop except {@link #work}, the job,
 * which runs on a worker and talks to the event loop only through the {@link BodyPipe}, the
 * {@link ResponseStream} and tasks it submits to the event loop. While a job runs it alone writes
 * the response. The exchange is done when the response is sent, the request body is received (or
 * discarded, or abandoned after a 408) and the job has returned; then the connection takes the
 * next request or closes. Whatever way it ends (success, error, timeout, client gone) its place
 * in the queue, its slot, its buffers and its worker are released, and a job still running is
 * cancelled ({@link JobCancellation}).
 */
final class Exchange implements JobAdmission.Waiter {
    private static final InternalLogger LOG = InternalLoggerFactory.getInstance(Exchange.class);
    /** Bytes per response chunk. */
    static final int CHUNK_BYTES = 32 * 1024;

    /**
     * Where an exchange is. The request body and the response also end on their own, in any
     * phase ({@code bodyComplete}, {@code responseComplete}).
     */
    enum Phase {
        /** The head is in and the request is being routed. */
        ROUTING,
        /** A job's request: its body arrives into the job's pipe until it is all in or the pipe is full. */
        RECEIVING,
        /** The job waits in the queue for a slot, for {@code maxQueueWait} at most. */
        QUEUED,
        /** The job holds a slot and runs on a worker (or waits for one); it alone writes the response. */
        RUNNING,
        /** The answer is decided and being sent; the rest of the body is discarded. */
        ANSWERED,
        /** Over and counted; the connection has moved on. */
        DONE
    }

    private final HttpApiHandler connection;
    private final ChannelHandlerContext ctx;
    private final ServerContext server;
    private final HttpRequest request;
    final String endpoint;
    private final boolean keepAlive;
    private final String client;
    private final long start = System.nanoTime();

    private Phase phase = Phase.ROUTING;
    private long received;
    private boolean bodyComplete;
    private boolean responseComplete;
    /** Close the connection once the exchange is done. */
    private boolean closeAfter;
    /** The exchange may be done before the body is in: what is left of it is not waited for (then {@link #closeAfter}). */
    private boolean abandonBody;
    private boolean connectionLost;
    private boolean errorCounted;
    private int status;
    private Job job;
    private BodyPipe pipe;
    private ResponseStream response;
    private JobCancellation cancellation;
    private ScheduledFuture<?> queueWait;

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
        return holdsBody() && pipe.paused();
    }

    /** The request is answered at once, e.g. a GET or a refusal; the body, if any, is discarded. */
    void respond(FullHttpResponse answer) {
        answered();
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
        respond(Responses.error(error.kind(), error.getMessage(), closeAfter));
    }

    /**
     * {@code job} will serve this request once its body is in or its pipe full. A client that
     * expects {@code 100 Continue} gets it now, or the refusal its job would get now.
     */
    void startJob(Job job) {
        boolean expectsContinue = HttpUtil.is100ContinueExpected(request);
        ApiException refused = server.closing.get() ? shuttingDown() : expectsContinue ? refusal(server.admission.probe(client)) : null;
        if (refused != null) {
            if (expectsContinue) {
                abandonBody(); // it waits for a 100 before it sends
            }
            respondError(refused, expectsContinue);
            return;
        }
        this.job = job;
        pipe = new BodyPipe(server.config.bodyBufferBytes(), server.metrics.bufferedBodyBytes(),
                () -> ctx.executor().execute(connection::updateReading), 2 * server.config.idleTimeout().toNanos());
        phase = Phase.RECEIVING;
        if (expectsContinue) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
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
            last = true;
            stop(new ApiException(ErrorKind.BAD_REQUEST, "bad HTTP body framing: " + content.decoderResult().cause()));
        } else if (holdsBody() && received <= max) {
            if (n > 0) {
                if (pipe.offer(bytes)) {
                    connection.updateReading();
                    if (phase == Phase.RECEIVING) {
                        requestSlot();
                    }
                }
            } else {
                content.release();
            }
        } else {
            content.release();
            if (holdsBody()) {
                stop(new ApiException(ErrorKind.BODY_TOO_LARGE, "request body exceeds the limit of " + max + " bytes"));
            } else if (received > 2 * max) {
                ctx.close(); // discarded enough of a body nobody will read
                return;
            }
        }
        if (last) {
            bodyEnded(false);
        }
    }

    /** The body is all in; {@code close} closes the connection after the exchange. */
    void bodyEnded(boolean close) {
        closeAfter |= close;
        bodyComplete = true;
        connection.requestReceived();
        if (pipe != null) {
            pipe.finish();
        }
        if (phase == Phase.RECEIVING) {
            requestSlot();
        }
        maybeFinish();
    }

    /** Nothing was read for the idle timeout (event loop). */
    void idle() {
        if (bodyComplete || readingPaused()) {
            return; // the job's writes have their own timeout; a full pipe is the server's doing
        }
        timedOut(new ApiException(ErrorKind.IDLE_TIMEOUT, "no request body bytes for " + server.config.idleTimeout().toMillis() + " ms"));
    }

    /** The request did not arrive in time: answered with {@code error} (a 408) and the connection closed, the rest of the body not awaited. */
    void timedOut(ApiException error) {
        boolean answered = phase == Phase.ANSWERED;
        abandonBody();
        if (!answered) {
            stop(error);
        } else if (responseComplete) {
            maybeFinish();
        } else {
            ctx.close(); // the client neither sends nor reads
        }
    }

    /** The connection closed (event loop). */
    void connectionLost() {
        if (connectionLost) {
            return;
        }
        connectionLost = true;
        switch (phase) {
            case RECEIVING, QUEUED -> dropJob();
            case RUNNING -> {
                ClientGoneException gone = new ClientGoneException("client disconnected");
                pipe.fail(gone);
                response.abort(gone);
                cancellation.cancel();
            }
            default -> {
            }
        }
        maybeFinish();
    }

    @Override
    public String client() {
        return client;
    }

    /** A slot came free for this queued job (any thread). */
    @Override
    public void granted() {
        try {
            ctx.executor().execute(this::slotGranted);
        } catch (RejectedExecutionException shuttingDown) {
            server.admission.release(client);
        }
    }

    private boolean holdsBody() {
        return phase == Phase.RECEIVING || phase == Phase.QUEUED || phase == Phase.RUNNING;
    }

    /** The rest of the body is not waited for, nor its arrival timed; the connection closes after the exchange. */
    private void abandonBody() {
        abandonBody = true;
        closeAfter = true;
        connection.requestReceived();
    }

    /** The answer is decided: the connection reads again, to discard what is left of the body. */
    private void answered() {
        phase = Phase.ANSWERED;
        connection.updateReading();
    }

    /** The request cannot go on: answered with {@code error} now, or by the job if it runs; the connection closes after. */
    private void stop(ApiException error) {
        closeAfter = true;
        switch (phase) {
            case RECEIVING, QUEUED -> {
                dropJob();
                respondError(error, true);
            }
            case RUNNING -> pipe.fail(new BodyAbortedException(error));
            default -> {
            }
        }
    }

    /** The job will not run: out of the queue, its body released. */
    private void dropJob() {
        if (phase == Phase.QUEUED) {
            server.admission.withdraw(this);
            queueWait.cancel(false);
        }
        pipe.close();
    }

    /** The body is in or the pipe full: the job asks for a slot, and runs, waits or is refused. */
    private void requestSlot() {
        if (server.closing.get()) {
            dropJob();
            respondError(shuttingDown(), false);
            return;
        }
        JobAdmission.Outcome outcome = server.admission.admit(this);
        switch (outcome) {
            case ADMITTED -> dispatch();
            case QUEUED -> {
                phase = Phase.QUEUED;
                queueWait = ctx.executor().schedule(this::queueWaitExpired, server.config.maxQueueWait().toNanos(), TimeUnit.NANOSECONDS);
            }
            default -> {
                dropJob();
                respondError(refusal(outcome), false);
            }
        }
    }

    private void slotGranted() {
        if (phase != Phase.QUEUED) {
            server.admission.release(client); // it gave up just before
            return;
        }
        queueWait.cancel(false);
        if (server.closing.get()) {
            server.admission.release(client);
            dropJob();
            respondError(shuttingDown(), false);
            return;
        }
        dispatch();
    }

    private void queueWaitExpired() {
        if (phase == Phase.QUEUED) {
            dropJob();
            respondError(new ApiException(ErrorKind.OVERLOADED, "no job slot came free within "
                    + server.config.maxQueueWait().toMillis() + " ms; retry later"), false);
        }
    }

    /** The refusal of an admission outcome; {@code null} for a job admitted or queued. */
    private ApiException refusal(JobAdmission.Outcome outcome) {
        return switch (outcome) {
            case ADMITTED, QUEUED -> null;
            case QUEUE_FULL -> new ApiException(ErrorKind.OVERLOADED, "all " + server.config.maxConcurrentJobs()
                    + " job slots are taken and " + server.config.maxQueuedJobs() + " jobs wait for one; retry later");
            case CLIENT_LIMIT -> new ApiException(ErrorKind.TOO_MANY_REQUESTS, "this client already has "
                    + server.config.maxJobsPerClient() + " jobs running or waiting; retry later");
        };
    }

    private static ApiException shuttingDown() {
        return new ApiException(ErrorKind.SHUTTING_DOWN, "the server is shutting down");
    }

    /** The job holds its slot: it runs on a worker. */
    private void dispatch() {
        phase = Phase.RUNNING;
        BodyPipe body = pipe;
        response = new ResponseStream(ctx.channel(), CHUNK_BYTES, server.config.bodyBufferBytes(), server.config.idleTimeout().toNanos(),
                n -> server.metrics.responseBytes(endpoint, n), () -> !body.finished() && body.failure() == null,
                server.config.maxSpillBytes());
        cancellation = new JobCancellation();
        server.metrics.jobsActive().incrementAndGet();
        try {
            server.workers.execute(this::work);
        } catch (RejectedExecutionException e) {
            server.admission.release(client);
            server.metrics.jobsActive().decrementAndGet();
            pipe.close();
            respondError(shuttingDown(), true);
        }
    }

    /** The job, on a worker thread. Whatever happens, its slot, spill file and worker are released. */
    private void work() {
        int code = HttpResponseStatus.OK.code();
        boolean failed = false;
        try {
            Throwable failure = null;
            cancellation.enter();
            try {
                job.run(pipe.stream(), response);
            } catch (Throwable t) {
                failure = t;
            } finally {
                cancellation.exit();
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
        ApiException error = JobFailures.classify(failure, pipe.failure());
        if (error == null) {
            ctx.channel().close(); // the client left, or stopped reading
            return 499;
        }
        countError(error.kind().label());
        if (error.kind() == ErrorKind.INTERNAL) {
            LOG.warn("{} job failed", endpoint, failure);
        }
        if (response.committed()) {
            // the status went out with the first block: cut the response off so the client sees it incomplete
            ctx.channel().close();
            return 499;
        }
        try {
            response.sendFull(Responses.error(error.kind(), error.getMessage(), true));
        } catch (IOException e) {
            ctx.channel().close();
        }
        return error.kind().status().code();
    }

    private void jobFinished(int code, boolean failed, ChannelFuture last) {
        answered();
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

    /** Counts this exchange's error, once. */
    private void countError(String kind) {
        errorCounted = true;
        server.metrics.error(kind);
    }

    private void maybeFinish() {
        if (phase == Phase.DONE || phase == Phase.RUNNING) {
            return;
        }
        if (!connectionLost && (phase != Phase.ANSWERED || !responseComplete || !(bodyComplete || abandonBody))) {
            return; // still receiving, waiting or sending, or still discarding the rest of the body
        }
        phase = Phase.DONE;
        int code = responseComplete ? status : 499;
        if (code == 499 && !errorCounted) {
            countError("client_disconnected"); // whichever side noticed first: the job, the write or the closed channel
        }
        server.metrics.request(endpoint, code, (System.nanoTime() - start) / (double) TimeUnit.SECONDS.toNanos(1));
        connection.exchangeDone(this, closeAfter || !keepAlive || connectionLost);
    }
}
