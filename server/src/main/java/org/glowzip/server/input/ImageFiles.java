package org.glowzip.server.input;

import java.io.IOException;
import java.io.InputStream;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.server.ApiException;
import org.glowzip.server.ErrorKind;

/** Reading one PNG, PGM or PPM file of a body, within the limits. */
final class ImageFiles {
    private ImageFiles() {
    }

    /** Reads exactly {@code size} bytes of a file called {@code name}; a short read is a truncated body. */
    static byte[] readFile(InputStream in, long size, String name, InputLimits limits) throws IOException, ApiException {
        if (size > limits.maxFileBytes()) {
            throw new ApiException(ErrorKind.IMAGE_TOO_LARGE, name + ": file of " + size + " bytes exceeds the limit of "
                    + limits.maxFileBytes() + " bytes per image");
        }
        byte[] bytes = in.readNBytes((int) size);
        if (bytes.length < size) {
            throw new ApiException(ErrorKind.MALFORMED, name + ": body truncated after " + bytes.length + " of " + size + " bytes");
        }
        return bytes;
    }

    /** Decodes a file after checking its pixel count from its header. */
    static Image decode(byte[] file, String name, InputLimits limits) throws ApiException {
        if (ImageFormat.detect(file) == null) {
            throw new ApiException(ErrorKind.UNDECODABLE, name + ": not a PNG, PGM (P5) or PPM (P6) image");
        }
        long pixels = ImageHeaders.pixels(file);
        if (pixels > limits.maxPixelsPerImage()) {
            throw new ApiException(ErrorKind.IMAGE_TOO_LARGE, name + ": image of " + pixels + " pixels exceeds the limit of "
                    + limits.maxPixelsPerImage() + " pixels");
        }
        try {
            return ImageFormat.read(file);
        } catch (MalformedStreamException e) {
            throw new ApiException(ErrorKind.UNDECODABLE, name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new ApiException(ErrorKind.UNDECODABLE, name + ": unreadable image: " + e);
        }
    }
}
