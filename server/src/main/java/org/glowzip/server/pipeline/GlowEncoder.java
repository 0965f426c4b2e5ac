package org.glowzip.server.pipeline;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.stream.GlowzipWriter;

/**
 * Encodes the {@link Image}s written to it as a glowzip stream. The stream's header goes out with
 * the first image; a block goes out whenever one fills (the codec's block size); writing a
 * {@link GlowStreamEnd} writes the last block and the end block, after which the next image starts
 * a new stream. Closing the channel finishes an open stream first. Other messages pass through.
 *
 * <p>A write's promise completes when the bytes it produced are written, or at once when it only
 * added to the block being filled. Encoding runs the flow on the channel's event loop: as for
 * {@link GlowDecoder}, give such channels an event loop group of their own. Not
 * {@link io.netty.channel.ChannelHandler.Sharable}.
 */
public class GlowEncoder extends ChannelOutboundHandlerAdapter {
    private final ImageCodec codec;
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private GlowzipWriter writer;

    public GlowEncoder(ImageCodec codec) {
        this.codec = codec;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws IOException {
        if (msg instanceof Image image) {
            if (writer == null) {
                writer = codec.writer(sink);
            }
            writer.write(image);
            emit(ctx, promise);
        } else if (msg instanceof GlowStreamEnd) {
            finish(ctx, promise);
        } else {
            ctx.write(msg, promise);
        }
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws IOException {
        if (writer != null && ctx.channel().isActive()) {
            finish(ctx, ctx.newPromise());
            ctx.flush();
        }
        ctx.close(promise);
    }

    private void finish(ChannelHandlerContext ctx, ChannelPromise promise) throws IOException {
        if (writer == null) {
            writer = codec.writer(sink); // an empty stream: header and end block
        }
        writer.close();
        writer = null;
        emit(ctx, promise);
    }

    private void emit(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (sink.size() == 0) {
            promise.setSuccess();
            return;
        }
        ctx.write(Unpooled.wrappedBuffer(sink.toByteArray()), promise);
        sink.reset();
    }
}
