package org.glowzip.server.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.server.ApiException;
import org.glowzip.server.ErrorKind;

/**
 * Recognizes what a compress request's body holds from its first bytes, whatever its
 * Content-Type: a PNG ({@code 89 50 4E 47}), a PGM or PPM ({@code P5}, {@code P6}), a tar
 * ({@code ustar} at byte 257, or an empty archive's zero records), an IDX file of images ({@code 00 00 08 03}), or any of these
 * gzipped ({@code 1F 8B}, inflated within {@link InputLimits#maxExpandedBytes()}).
 */
public final class ImageSources {
    private static final int SNIFF_BYTES = 512;
    private static final int TAR_MAGIC_OFFSET = 257;

    private ImageSources() {
    }

    /**
     * The images of {@code body}.
     *
     * @throws ApiException 415 if the body is none of the accepted kinds, 400 if it is empty
     */
    public static ImageSource open(InputStream body, InputLimits limits) throws IOException, ApiException {
        return open(body, limits, true);
    }

    private static ImageSource open(InputStream body, InputLimits limits, boolean mayInflate) throws IOException, ApiException {
        BufferedInputStream in = new BufferedInputStream(body, 1 << 16);
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        if (head.length == 0) {
            throw new ApiException(ErrorKind.MALFORMED, "empty body");
        }
        if (mayInflate && head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return open(new ExpansionLimit(new GZIPInputStream(in, 1 << 16), limits.maxExpandedBytes()), limits, false);
        }
        if (ImageFormat.detect(head) != null) {
            return new SingleImageSource(in, limits);
        }
        if (head.length >= TAR_MAGIC_OFFSET + 5
                && new String(head, TAR_MAGIC_OFFSET, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            return new TarImageSource(in, limits);
        }
        if (head.length == SNIFF_BYTES && isZero(head)) {
            return new TarImageSource(in, limits); // an empty archive: just its end-of-archive records
        }
        if (head.length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 8) {
            return new IdxImageSource(in, limits);
        }
        throw new ApiException(ErrorKind.UNSUPPORTED_MEDIA_TYPE,
                "body is not a PNG, PGM, PPM, tar of those, or IDX file of images" + (mayInflate ? " (or a gzip of one)" : " inside its gzip"));
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The 413 an {@link IOException} of {@link #open}'s streams stands for, or {@code null}. */
    public static ApiException limitError(Throwable e) {
        return e instanceof ExpansionLimit.Exceeded exceeded ? exceeded.error : null;
    }
}
