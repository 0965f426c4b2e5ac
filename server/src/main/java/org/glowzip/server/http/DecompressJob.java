package org.glowzip.server.http;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.stream.StreamFormat;
import org.glowzip.server.ApiException;
import org.glowzip.server.ErrorKind;
import org.glowzip.server.ServedModel;
import org.glowzip.server.pipeline.DecodeLimits;
import org.glowzip.server.pipeline.StreamUnpacker;

/**
 * {@code POST /v1/decompress}: a glowzip stream, decoded block by block as it arrives. A stream
 * of exactly one image is answered with that image as a PNG ({@code image/png}), of the colour
 * type, bit depth and chunks it came with, or as the PGM/PPM it came as when that had a maximum
 * value other than 255 or 65535 ({@link ImageFormat#of}); any other
 * number with a tar of those named {@code 000000.png}, {@code 000001.png}, ... in stream order
 * ({@code application/x-tar}, chunked, each entry sent as it is decoded). The stream's model is
 * picked by its fingerprint among the loaded ones. Lengths and image sizes are checked against
 * the limits before the bytes they announce are read ({@link StreamUnpacker}). A decoded image
 * that cannot be written as the file it came as (metadata that file's writer cannot use) makes the
 * stream {@link ErrorKind#UNDECODABLE}, the error naming the image's index in the stream.
 */
final class DecompressJob implements Job {
    private final ServerContext server;
    private volatile long images;
    private volatile long samples;

    DecompressJob(ServerContext server) {
        this.server = server;
    }

    @Override
    public void run(InputStream body, ResponseStream response) throws Exception {
        StreamUnpacker unpacker = new StreamUnpacker(Stream.concat(server.models.stream(), server.retired.stream()).map(ServedModel::codec).toList(),
                new DecodeLimits(server.config.maxPixelsPerImage(), 1L << 28, server.config.maxExpandedBytes()));
        List<Image> first = new ArrayList<>();
        while (first.size() < 2 && nextUnit(body, unpacker, first)) {
            // decode until two images tell a tar from a single PNG, or the stream ends
        }
        if (first.size() == 1 && unpacker.state() == StreamUnpacker.State.FINISHED) {
            Image image = first.get(0);
            ImageFormat format = ImageFormat.of(image);
            byte[] file = fileOf(image);
            count(image);
            FullHttpResponse full = Responses.full(HttpResponseStatus.OK, format == ImageFormat.PNG ? "image/png"
                    : "image/x-portable-" + (image.channels() == 1 ? "graymap" : "pixmap"), file);
            full.headers().set("X-Glowzip-Images", 1);
            response.sendFull(full);
            return;
        }
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-tar");
        response.head(head);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(response);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        List<Image> batch = first;
        do {
            for (Image image : batch) {
                byte[] file = fileOf(image);
                TarArchiveEntry entry = new TarArchiveEntry(String.format("%06d.%s", images, ImageFormat.of(image).extension(image)));
                entry.setSize(file.length);
                entry.setModTime(new Date(0));
                tar.putArchiveEntry(entry);
                tar.write(file);
                tar.closeArchiveEntry();
                count(image);
            }
            batch = new ArrayList<>();
        } while (nextUnit(body, unpacker, batch));
        tar.finish();
        response.close();
    }

    /**
     * The next image of the stream (image {@link #images}) as the file it came as. Its metadata
     * names that file's colour type, bit depth or maximum value and its chunks; metadata that the
     * file's writer cannot use, or samples that do not fit it, make the stream undecodable.
     */
    private byte[] fileOf(Image image) throws ApiException {
        ImageFormat format = ImageFormat.of(image);
        try {
            return format.write(image);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorKind.UNDECODABLE, "image " + images + " of the stream cannot be written as " + format + ": " + e.getMessage());
        }
    }

    /** Reads and accepts one unit; false once the stream has ended (checking nothing follows it). */
    private static boolean nextUnit(InputStream body, StreamUnpacker unpacker, List<Image> out) throws IOException, ApiException {
        int needed = unpacker.needed();
        if (needed == 0) {
            return false;
        }
        byte[] unit = body.readNBytes(needed);
        if (unpacker.offset() == 0 && !StreamFormat.startsLikeStream(unit)) {
            throw new ApiException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, unit.length == 0 ? "empty body; a glowzip stream was expected"
                    : "body is not a glowzip stream (it does not start with the glowzip magic)");
        }
        if (unit.length < needed) {
            MalformedStreamException truncated = unpacker.endOfInput(unit.length, false);
            throw truncated != null ? truncated : new MalformedStreamException(0, "empty body");
        }
        out.addAll(unpacker.accept(unit));
        if (unpacker.state() == StreamUnpacker.State.FINISHED) {
            if (body.read() >= 0) {
                throw unpacker.trailingData();
            }
        }
        return true;
    }

    private void count(Image image) {
        images++;
        samples += image.sampleCount();
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
