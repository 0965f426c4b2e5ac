package org.glowzip.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.stream.GlowzipReader;
import org.glowzip.server.TestModels;
import org.junit.jupiter.api.Test;

/**
 * The handlers in a plain TCP service: a stream in, the same images re-encoded out. The service's
 * connections get an event loop group of their own (the flow workers), apart from the acceptor.
 */
class TcpPipelineTest {
    @Test
    void echoServiceOverLoopback() throws Exception {
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup flow = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap().group(loops, flow).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline()
                                    .addLast("decoder", new GlowDecoder(TestModels.GRAY))
                                    .addLast("encoder", new GlowEncoder(TestModels.CODEC))
                                    .addLast("echo", new ChannelInboundHandlerAdapter() {
                                        @Override
                                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                            if (msg instanceof GlowStreamEnd) {
                                                ctx.writeAndFlush(msg).addListener(ChannelFutureListener.CLOSE);
                                            } else {
                                                ctx.write(msg);
                                            }
                                        }
                                    });
                        }
                    }).bind("127.0.0.1", 0).sync().channel();
            List<Image> images = TestModels.images(40, 51, true);
            byte[] stream = GlowDecoderTest.stream(TestModels.CODEC, images);
            try (Socket socket = new Socket("127.0.0.1", ((InetSocketAddress) server.localAddress()).getPort())) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                for (int at = 0; at < stream.length; at += 777) {
                    out.write(stream, at, Math.min(777, stream.length - at));
                    out.flush();
                }
                InputStream in = socket.getInputStream();
                byte[] echoed = in.readAllBytes();
                assertEquals(images.size(), decode(echoed).size());
                assertEquals(images, decode(echoed));
            }
            server.close().sync();
        } finally {
            flow.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
            loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static List<Image> decode(byte[] stream) throws Exception {
        List<Image> images = new ArrayList<>();
        try (GlowzipReader reader = TestModels.CODEC.reader(new ByteArrayInputStream(stream))) {
            Image image;
            while ((image = reader.read()) != null) {
                images.add(image);
            }
        }
        return images;
    }
}
