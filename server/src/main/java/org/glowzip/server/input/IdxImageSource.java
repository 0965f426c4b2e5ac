package org.glowzip.server.input;

import java.io.IOException;
import java.io.InputStream;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.SampleFormat;
import org.glowzip.server.ApiException;
import org.glowzip.server.ErrorKind;

/**
 * A body that is an IDX file of images, as MNIST and Fashion-MNIST are published: magic
 * {@code 00 00 08 03} (unsigned bytes, 3 dimensions), then the image count, rows and columns as
 * big-endian 32-bit integers, then the images' gray samples row by row. Nothing may follow.
 */
final class IdxImageSource implements ImageSource {
    static final int HEADER_SIZE = 16;

    private final InputStream in;
    private final long count;
    private final int rows;
    private final int columns;
    private long index;

    IdxImageSource(InputStream in, InputLimits limits) throws IOException, ApiException {
        this.in = in;
        byte[] header = in.readNBytes(HEADER_SIZE);
        if (header.length >= 4 && (header[0] != 0 || header[1] != 0 || header[2] != 8 || header[3] != 3)) {
            throw new ApiException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, String.format(
                    "IDX of type 0x%02x with %d dimensions; images are unsigned bytes in 3 dimensions (magic 00 00 08 03)",
                    header[2] & 0xFF, header[3] & 0xFF));
        }
        if (header.length < HEADER_SIZE) {
            throw new ApiException(ErrorKind.MALFORMED, "IDX header truncated: " + header.length + " of " + HEADER_SIZE + " bytes");
        }
        count = uint(header, 4);
        long r = uint(header, 8);
        long c = uint(header, 12);
        String problem = Image.shapeProblem(c, r, SampleFormat.GRAY);
        if (problem != null) {
            throw new ApiException(ErrorKind.MALFORMED, "IDX header: " + problem);
        }
        if (r * c > limits.maxPixelsPerImage()) {
            throw new ApiException(ErrorKind.IMAGE_TOO_LARGE, "IDX images of " + c + "x" + r + " exceed the limit of "
                    + limits.maxPixelsPerImage() + " pixels");
        }
        rows = (int) r;
        columns = (int) c;
    }

    @Override
    public Image next() throws IOException, ApiException {
        if (index == count) {
            if (in.read() >= 0) {
                throw new ApiException(ErrorKind.MALFORMED, "data after the last of " + count + " IDX images");
            }
            index++;
            return null;
        }
        if (index > count) {
            return null;
        }
        byte[] samples = in.readNBytes(rows * columns);
        if (samples.length < rows * columns) {
            throw new ApiException(ErrorKind.MALFORMED, "IDX truncated in image " + index + " of " + count);
        }
        index++;
        return Image.of(columns, rows, 1, samples);
    }

    private static long uint(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }
}
