package org.glowzip.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.glowzip.server.http.HttpApiHandler;
import org.glowzip.server.http.ServerContext;
import org.glowzip.server.http.SlowClientGuard;
import org.glowzip.server.metrics.ServerMetrics;

/**
 * The glowzip compression server, embeddable: {@code new GlowServer(config, models)},
 * {@link #start}, {@link #close}. The HTTP API is described on {@link HttpApiHandler}, the
 * limits on {@link GlowServerConfig}, the errors on {@link ErrorKind}.
 *
 * <p>Netty event loops only move bytes; the flow runs on {@code workerThreads} worker threads,
 * for at most {@code maxConcurrentJobs} jobs that hold a job slot, with a bounded queue of jobs
 * waiting for one. A job asks for its slot once its body is in or its body buffer full, so a
 * client that trickles its request holds only a connection and at most one body buffer, until
 * the request deadline or the minimum rate cuts it off with a 408. Each job's request body reaches it
 * through a bounded buffer (the connection stops reading while it is full) and its response
 * leaves through a bounded one (the job waits while the client does not read; while the
 * request body is still arriving it spills to a bounded temporary file instead, for clients
 * that read only after sending, like the JDK HttpClient), so the memory of a job is bounded
 * whatever the size of its body. A client that disconnects frees its job, buffers and file, and
 * its job is cancelled: it stops between tiles.
 *
 * <p>The server turns ImageIO's disk cache off ({@link ImageIO#setUseCache}) for the whole JVM:
 * PNGs are coded in memory.
 */
public final class GlowServer implements AutoCloseable {
    private final GlowServerConfig config;
    private final List<ServedModel> models;
    private final List<ServedModel> retired;
    private final ServerMetrics metrics = new ServerMetrics();
    private EventLoopGroup loops;
    private ExecutorService workers;
    private ServerContext context;
    private ChannelGroup channels;
    private Channel listener;

    /** A server of {@code models}; the first is the default for compression. */
    public GlowServer(GlowServerConfig config, List<ServedModel> models) {
        this(config, models, List.of());
    }

    /**
     * A server of {@code models}, the first the default for compression, that also decompresses
     * what the {@code retired} models coded (see {@code ModelSet}'s retired models) but compresses
     * nothing with them.
     */
    public GlowServer(GlowServerConfig config, List<ServedModel> models, List<ServedModel> retired) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one model");
        }
        if (Stream.concat(models.stream(), retired.stream()).map(ServedModel::name).distinct().count() != models.size() + retired.size()) {
            throw new IllegalArgumentException("model names must differ");
        }
        this.config = config;
        this.models = List.copyOf(models);
        this.retired = List.copyOf(retired);
    }

    /** Listens on all interfaces; returns the port (useful with port 0). */
    public int start(int port) throws InterruptedException {
        return start(new InetSocketAddress(port));
    }

    /** Listens on {@code host:port}; returns the port (useful with port 0). */
    public int start(String host, int port) throws InterruptedException {
        return start(new InetSocketAddress(host, port));
    }

    private synchronized int start(InetSocketAddress address) throws InterruptedException {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        ImageIO.setUseCache(false);
        AtomicInteger threadNumber = new AtomicInteger();
        workers = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, "glowzip-worker-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        context = new ServerContext(config, models, retired, metrics, workers);
        loops = new MultiThreadIoEventLoopGroup(Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())),
                NioIoHandler.newFactory());
        channels = new DefaultChannelGroup("glowzip", GlobalEventExecutor.INSTANCE);
        long idleMillis = config.idleTimeout().toMillis();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channels.add(channel);
                        SlowClientGuard guard = new SlowClientGuard(config);
                        channel.pipeline()
                                .addLast("idle", new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS))
                                .addLast("guard", guard)
                                .addLast("http", new HttpServerCodec())
                                .addLast("api", new HttpApiHandler(context, guard));
                    }
                });
        try {
            listener = bootstrap.bind(address).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            shutdown();
            throw e;
        }
        return port();
    }

    /** The port listened on. */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    public GlowServerConfig config() {
        return config;
    }

    public List<ServedModel> models() {
        return models;
    }

    /**
     * Stops accepting connections, refuses new jobs (503), lets running jobs finish for up to the
     * idle timeout, then closes every connection and stops all threads.
     */
    @Override
    public synchronized void close() {
        if (listener == null) {
            return;
        }
        context.beginClosing();
        try {
            listener.close().sync();
            long deadline = System.nanoTime() + config.idleTimeout().toNanos();
            while (metrics.jobsActive().get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop waiting for jobs, but still release everything
        }
        shutdown();
    }

    /** Closes every connection and stops the workers and event loops; waits a few seconds at most. */
    private void shutdown() {
        boolean interrupted = Thread.interrupted();
        try {
            if (channels != null) {
                channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
            if (workers != null) {
                workers.shutdownNow();
                try {
                    workers.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (loops != null) {
                loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        } finally {
            listener = null;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
