package org.glowzip.server.http;

import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.server.ApiException;
import org.glowzip.server.ErrorKind;
import org.glowzip.server.ServedModel;

/**
 * The HTTP/1.1 API of a {@link org.glowzip.server.GlowServer}, one instance per connection, after
 * an {@link io.netty.handler.codec.http.HttpServerCodec}; the request body is never aggregated.
 *
 * <pre>
 * POST /v1/compress[?model=NAME]  body: PNG, PGM, PPM, tar of those, IDX of images, or a gzip of any
 *                                 200 application/x-glowzip, chunked, a block per chunk as it completes
 * POST /v1/decompress             body: a glowzip stream of any loaded model
 *                                 200 image/png (one image; PGM/PPM if it came as one with a maximum value other
 *                                 than 255 or 65535) or application/x-tar of those (any other count), streamed
 * GET  /v1/models                 200 application/json: name, fingerprint, shape, NLL of each model
 * GET  /healthz                   200 {"status":"ok",...}; 503 while shutting down
 * GET  /metrics                   200 Prometheus text format ({@link org.glowzip.server.metrics.ServerMetrics})
 * </pre>
 * Errors are JSON {@code {"error": KIND, "message": TEXT}} with the status of {@link ErrorKind}.
 * Requests on one connection are served in order; a request pipelined behind one whose response is
 * still streaming waits (at most 64 KiB of it is buffered before reading pauses). The
 * {@link SlowClientGuard} before the HTTP decoder times each request's arrival; this handler tells
 * it where the connection is and answers its {@link SlowClientGuard.RequestTimeout}s. A connection
 * closed by the server is closed gracefully: the client reads the last response and then the end
 * of the stream, not a reset.
 */
public final class HttpApiHandler extends ChannelInboundHandlerAdapter {
    private static final InternalLogger LOG = InternalLoggerFactory.getInstance(HttpApiHandler.class);
    private static final int MAX_DEFERRED_BYTES = 64 * 1024;
    /** Longest a connection closed after its last response still takes (and discards) what the client sends. */
    private static final long LINGER_MILLIS = 2_000;
    private static final Set<String> COMPRESS_TYPES = Set.of("application/octet-stream", "image/png", "image/x-portable-graymap",
            "image/x-portable-pixmap", "image/x-portable-anymap", "application/x-tar", "application/tar", "application/x-idx",
            "application/gzip", "application/x-gzip");
    private static final Set<String> DECOMPRESS_TYPES = Set.of("application/octet-stream", CompressJob.CONTENT_TYPE);

    private final ServerContext server;
    private final SlowClientGuard guard;
    private ChannelHandlerContext ctx;
    private Exchange current;
    private final ArrayDeque<Object> deferred = new ArrayDeque<>();
    private int deferredBytes;
    private boolean closing;

    /** @param guard the guard of this connection's pipeline, before its HTTP decoder */
    public HttpApiHandler(ServerContext server, SlowClientGuard guard) {
        this.server = server;
        this.guard = guard;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        server.metrics.connectionsOpen().incrementAndGet();
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        server.metrics.connectionsOpen().decrementAndGet();
        if (current != null) {
            current.connectionLost();
        }
        Object message;
        while ((message = deferred.poll()) != null) {
            ReferenceCountUtil.release(message);
        }
        deferredBytes = 0;
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (current != null && current.bodyComplete()) {
            deferred.add(msg); // pipelined behind a response still in progress
            deferredBytes += msg instanceof ByteBufHolder holder ? holder.content().readableBytes() : 256;
            updateReading();
            return;
        }
        handle(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            if (current == null) {
                ctx.close(); // an idle keep-alive connection
            } else {
                current.idle();
            }
            return;
        }
        if (evt instanceof SlowClientGuard.RequestTimeout timeout) {
            if (closing) {
                return;
            }
            if (current == null) {
                headTimedOut(timeout);
            } else {
                current.timedOut(timeout.error());
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing {} after {}", ctx.channel(), cause.toString());
        ctx.close();
    }

    /** The exchange is over: take the next request, or close. */
    void exchangeDone(Exchange exchange, boolean close) {
        if (exchange != current) {
            return;
        }
        current = null;
        if (close) {
            closeGracefully();
            return;
        }
        guard.nextRequest(!deferred.isEmpty());
        while (!deferred.isEmpty() && (current == null || !current.bodyComplete())) {
            Object message = deferred.poll();
            deferredBytes -= message instanceof ByteBufHolder holder ? holder.content().readableBytes() : 256;
            handle(message);
        }
        updateReading();
    }

    /** The current request is all in (or answered without the rest): its arrival is no longer timed. */
    void requestReceived() {
        guard.requestReceived();
    }

    /** Reads from the connection unless a body pipe is full or pipelined requests wait (event loop). */
    void updateReading() {
        if (closing) {
            return;
        }
        boolean read = current == null || (current.bodyComplete() ? deferredBytes < MAX_DEFERRED_BYTES : !current.readingPaused());
        if (ctx.channel().config().isAutoRead() != read) {
            ctx.channel().config().setAutoRead(read);
            guard.readingPaused(!read);
        }
    }

    /** A request whose head did not arrive in time: a 408, and the connection closed. */
    private void headTimedOut(SlowClientGuard.RequestTimeout timeout) {
        ApiException error = timeout.error();
        FullHttpResponse answer = Exchange.errorResponse(error.kind(), error.getMessage(), true);
        server.metrics.error(error.kind().label());
        server.metrics.request("other", error.kind().status().code(), timeout.seconds());
        server.metrics.responseBytes("other", answer.content().readableBytes());
        closing = true; // what else arrives is discarded
        ctx.writeAndFlush(answer).addListener(f -> closeGracefully());
    }

    /**
     * Closes the connection after its last response: the end of the stream goes out at once,
     * then what the client still sends is discarded for {@link #LINGER_MILLIS} at most, so that a
     * client still sending reads the response rather than a connection reset.
     */
    private void closeGracefully() {
        closing = true;
        guard.requestReceived();
        ctx.channel().config().setAutoRead(true);
        if (ctx.channel() instanceof DuplexChannel duplex && duplex.isActive()) {
            duplex.shutdownOutput().addListener(f -> {
                if (f.isSuccess()) {
                    ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
                } else {
                    ctx.close();
                }
            });
        } else {
            ctx.close();
        }
    }

    private void handle(Object msg) {
        if (msg instanceof HttpRequest request) {
            if (current != null) {
                ReferenceCountUtil.release(msg);
                ctx.close();
                return;
            }
            route(request);
        }
        if (msg instanceof HttpContent content) {
            if (current == null) {
                content.release();
            } else {
                current.content(content);
            }
        } else if (!(msg instanceof HttpRequest)) {
            ReferenceCountUtil.release(msg);
        }
    }

    private void route(HttpRequest request) {
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        String path = query.path();
        String endpoint = switch (path) {
            case "/v1/compress" -> "compress";
            case "/v1/decompress" -> "decompress";
            case "/v1/models" -> "models";
            case "/healthz" -> "healthz";
            case "/metrics" -> "metrics";
            default -> "other";
        };
        Exchange exchange = new Exchange(this, ctx, server, request, endpoint, clientOf(ctx.channel().remoteAddress()));
        current = exchange;
        if (request.decoderResult().isFailure()) {
            exchange.respondError(new ApiException(ErrorKind.BAD_REQUEST, "malformed HTTP request: " + request.decoderResult().cause()), true);
            exchange.bodyEnded(true);
            return;
        }
        HttpMethod method = request.method();
        switch (endpoint) {
            case "compress", "decompress" -> {
                if (!HttpMethod.POST.equals(method)) {
                    methodNotAllowed(exchange, "POST");
                } else {
                    startJob(exchange, request, query, endpoint.equals("compress"));
                }
            }
            case "models", "healthz", "metrics" -> {
                if (!HttpMethod.GET.equals(method)) {
                    methodNotAllowed(exchange, "GET");
                } else {
                    exchange.respond(switch (endpoint) {
                        case "models" -> text(HttpResponseStatus.OK, "application/json", models());
                        case "metrics" -> text(HttpResponseStatus.OK, "text/plain; version=0.0.4; charset=utf-8", server.metrics.render());
                        default -> server.closing.get()
                                ? text(HttpResponseStatus.SERVICE_UNAVAILABLE, "application/json", "{\"status\":\"shutting_down\"}\n")
                                : text(HttpResponseStatus.OK, "application/json", "{\"status\":\"ok\",\"jobs_active\":"
                                        + server.metrics.jobsActive().get() + ",\"models\":" + server.models.size() + "}\n");
                    });
                }
            }
            default -> exchange.respondError(new ApiException(ErrorKind.NOT_FOUND, "no such endpoint: " + path), false);
        }
    }

    private void startJob(Exchange exchange, HttpRequest request, QueryStringDecoder query, boolean compress) {
        long length = HttpUtil.getContentLength(request, -1L);
        if (length > server.config.maxBodyBytes()) {
            exchange.respondError(new ApiException(ErrorKind.BODY_TOO_LARGE, "request body of " + length
                    + " bytes exceeds the limit of " + server.config.maxBodyBytes() + " bytes"), true);
            return;
        }
        CharSequence mime = HttpUtil.getMimeType(request);
        String type = mime == null ? null : mime.toString().trim().toLowerCase(Locale.ROOT);
        if (type != null && !(compress ? COMPRESS_TYPES : DECOMPRESS_TYPES).contains(type)) {
            exchange.respondError(new ApiException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + type + " is not accepted here; send "
                    + (compress ? "a PNG, PGM, PPM, tar, IDX or gzip file" : CompressJob.CONTENT_TYPE)), false);
            return;
        }
        if (!compress) {
            exchange.startJob(new DecompressJob(server));
            return;
        }
        List<String> names = query.parameters().get("model");
        ServedModel model = server.models.get(0);
        if (names != null && !names.isEmpty()) {
            String wanted = names.get(0);
            model = server.models.stream()
                    .filter(m -> m.name().equals(wanted) || (wanted.length() >= 8 && m.model().fingerprintHex().startsWith(wanted.toLowerCase(Locale.ROOT))))
                    .findFirst().orElse(null);
            if (model == null) {
                exchange.respondError(new ApiException(ErrorKind.BAD_REQUEST, "no model " + wanted + "; loaded: "
                        + String.join(", ", server.models.stream().map(ServedModel::name).toList())), false);
                return;
            }
        }
        exchange.startJob(new CompressJob(server, model));
    }

    private static void methodNotAllowed(Exchange exchange, String allowed) {
        ApiException error = new ApiException(ErrorKind.METHOD_NOT_ALLOWED, "use " + allowed);
        exchange.respondError(error, false);
    }

    private String models() {
        StringBuilder json = new StringBuilder("{\"models\":[");
        for (int i = 0; i < server.models.size(); i++) {
            ServedModel served = server.models.get(i);
            GlowConfig c = served.model().config();
            json.append(i == 0 ? "" : ",").append("{\"name\":").append(Json.string(served.name()))
                    .append(",\"fingerprint\":").append(Json.string(served.model().fingerprintHex()))
                    .append(",\"default\":").append(i == 0)
                    .append(",\"shape\":{\"channels\":").append(c.channels()).append(",\"height\":").append(c.height())
                    .append(",\"width\":").append(c.width()).append('}')
                    .append(",\"levels\":").append(c.levels()).append(",\"steps\":").append(c.steps())
                    .append(",\"hidden_width\":").append(c.hiddenWidth())
                    .append(",\"coupling\":").append(Json.string(c.coupling().name().toLowerCase(Locale.ROOT)))
                    .append(",\"parameters\":").append(served.model().parameterCount())
                    .append(",\"test_nll_bpd\":").append(Json.number(served.testBitsPerDimension()))
                    .append('}');
        }
        return json.append("]}\n").toString();
    }

    private static FullHttpResponse text(HttpResponseStatus status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpUtil.setContentLength(response, bytes.length);
        return response;
    }

    private static String clientOf(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }
}
