package org.glowzip.server.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.stream.StreamFormat;

/**
 * Decodes a glowzip stream that arrives in slices of any size into {@link Image}s, followed by
 * one {@link GlowStreamEnd}. Usable in any pipeline, e.g. a plain TCP service.
 *
 * <p>The stream layout is in {@link StreamFormat}; the units and checks are the codec's
 * {@link org.glowzip.codec.stream.StreamParser}'s, driven by a {@link StreamUnpacker}
 * ({@code DECODING, FINISHED, CORRUPTED}). Every count and length is range-checked, against the format and the
 * {@link DecodeLimits}, before the decoder waits for the bytes it announces, so the data it
 * buffers is bounded by one block of the limits. The models are chosen by the fingerprints in the
 * stream's header and model blocks among those given.
 *
 * <p>Errors: damaged, truncated or foreign bytes raise a {@link CorruptedFrameException}, a stream
 * of a model or version not loaded here or beyond the limits a {@link DecoderException}; the
 * cause is the {@link MalformedStreamException}, {@link UnsupportedStreamException} (at the
 * fingerprint of the header or model block that names a model not given) or
 * {@link LimitExceededException} with the byte offset. After an error the decoder is
 * {@code CORRUPTED} and discards all further input; bytes after the end block are an error too.
 * A channel that closes before the end block raises "stream truncated"; one that closes before
 * the first byte does not.
 *
 * <p>Decoding runs the flow on the channel's event loop (Netty 4.2 deprecates per-handler
 * executor groups): serve the channels that use it from an event loop group of their own, sized
 * like a worker pool, so that no latency-sensitive handler shares those threads; or frame with
 * {@link StreamUnpacker} and dispatch the work yourself, as {@link org.glowzip.server.GlowServer} does.
 * One instance decodes one stream; it is not {@link io.netty.channel.ChannelHandler.Sharable}.
 */
public class GlowDecoder extends ByteToMessageDecoder {
    private final StreamUnpacker unpacker;

    /** A decoder of streams coded with {@code model}, within the format's own bounds. */
    public GlowDecoder(ModelFile model) {
        this(List.of(model), DecodeLimits.FORMAT);
    }

    /** A decoder of streams coded with any of {@code models}, within {@code limits}. */
    public GlowDecoder(Collection<ModelFile> models, DecodeLimits limits) {
        this.unpacker = new StreamUnpacker(models.stream().map(ImageCodec::new).toList(), limits);
    }

    /** The decoder's state. */
    public StreamUnpacker.State state() {
        return unpacker.state();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (unpacker.state()) {
            case CORRUPTED -> {
                in.skipBytes(in.readableBytes());
                return;
            }
            case FINISHED -> {
                if (in.isReadable()) {
                    in.skipBytes(in.readableBytes());
                    throw failure(unpacker.trailingData());
                }
                return;
            }
            default -> {
            }
        }
        while (unpacker.needed() > 0 && in.readableBytes() >= unpacker.needed()) {
            byte[] unit = new byte[unpacker.needed()];
            in.readBytes(unit);
            try {
                out.addAll(unpacker.accept(unit));
            } catch (IOException e) {
                in.skipBytes(in.readableBytes());
                throw failure(e);
            }
            if (unpacker.state() == StreamUnpacker.State.FINISHED) {
                out.add(new GlowStreamEnd(unpacker.imageCount()));
                if (in.isReadable()) {
                    in.skipBytes(in.readableBytes());
                    throw failure(unpacker.trailingData());
                }
            }
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.isReadable()) {
            decode(ctx, in, out);
        }
        MalformedStreamException truncated = unpacker.endOfInput(in.readableBytes(), true);
        if (truncated != null) {
            in.skipBytes(in.readableBytes());
            throw failure(truncated);
        }
    }

    private static DecoderException failure(IOException cause) {
        return cause instanceof MalformedStreamException
                ? new CorruptedFrameException(cause.getMessage(), cause)
                : new DecoderException(cause.getMessage(), cause);
    }
}
