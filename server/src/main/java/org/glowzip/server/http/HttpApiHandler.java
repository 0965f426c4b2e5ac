package org.glowzip.server.http;

import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.glowzip.server.ApiException;
import org.glowzip.server.ErrorKind;

/**
 * The HTTP/1.1 API of a {@link org.glowzip.server.GlowServer}, one instance per connection, after
 * an {@link io.netty.handler.codec.http.HttpServerCodec}; the request body is never aggregated.
 * Each request is routed by {@link ApiRoutes} (the endpoints are described there) and lives as an
 * {@link Exchange}.
 *
 * <p>Requests on one connection are served in order; a request pipelined behind one whose response is
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
            IdleStateHandler idle = ctx.pipeline().get(IdleStateHandler.class);
            if (read && idle != null) {
                idle.resetReadTimeout(); // the time not read was the server's, not the client's
            }
        }
    }

    /** A request whose head did not arrive in time: a 408, and the connection closed. */
    private void headTimedOut(SlowClientGuard.RequestTimeout timeout) {
        ApiException error = timeout.error();
        FullHttpResponse answer = Responses.error(error.kind(), error.getMessage(), true);
        server.metrics.error(error.kind().label());
        server.metrics.request(ApiRoutes.NO_ROUTE, error.kind().status().code(), timeout.seconds());
        server.metrics.responseBytes(ApiRoutes.NO_ROUTE, answer.content().readableBytes());
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
        ApiRoutes.Route route = server.routes.find(query.path());
        Exchange exchange = new Exchange(this, ctx, server, request, route == null ? ApiRoutes.NO_ROUTE : route.endpoint(),
                clientOf(ctx.channel().remoteAddress()));
        current = exchange;
        if (request.decoderResult().isFailure()) {
            exchange.respondError(new ApiException(ErrorKind.BAD_REQUEST, "malformed HTTP request: " + request.decoderResult().cause()), true);
            exchange.bodyEnded(true);
            return;
        }
        ApiRoutes.serve(route, exchange, request, query);
    }

    private static String clientOf(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }
}
