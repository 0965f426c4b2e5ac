package org.glowzip.server.http;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.InputStream;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.stream.GlowzipWriter;
import org.glowzip.codec.input.ImageSource;
import org.glowzip.server.ServedModel;
import org.glowzip.server.input.BodyImages;

/**
 * {@code POST /v1/compress}: the body's images, as they arrive, into a glowzip stream that is
 * sent block by block ({@code application/x-glowzip}, chunked). The status and head go out with
 * the first complete block (or at the end), so a body refused before that gets a proper error.
 * A job that fails or is cancelled stops the coding of its blocks.
 */
final class CompressJob implements Job {
    static final String CONTENT_TYPE = "application/x-glowzip";

    private final ServerContext server;
    private final ServedModel model;
    private volatile long images;
    private volatile long samples;
    private volatile long compressedBytes;

    CompressJob(ServerContext server, ServedModel model) {
        this.server = server;
        this.model = model;
    }

    @Override
    public void run(InputStream body, ResponseStream response) throws Exception {
        ImageSource source = BodyImages.open(body, server.config);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE).set("X-Glowzip-Model", model.model().fingerprintHex());
        response.head(head);
        GlowzipWriter writer = model.codec().writer(response);
        try {
            long written = writer.byteCount();
            Image image;
            while ((image = source.next()) != null) {
                writer.write(image);
                images++;
                samples += image.sampleCount();
                if (writer.byteCount() != written) { // a block is complete: send it now
                    written = writer.byteCount();
                    response.flush();
                }
            }
            writer.close(); // the last block and the end block; closes the response
        } finally {
            writer.cancel(); // after a failure, stops the blocks still being coded
        }
        compressedBytes = writer.byteCount();
        server.metrics.compressed(compressedBytes);
    }

    @Override
    public long images() {
        return images;
    }

    @Override
    public long samples() {
        return samples;
    }
}
