package org.glowzip.server.input;

import java.io.IOException;
import java.io.InputStream;
import org.glowzip.codec.image.Image;
import org.glowzip.server.ApiException;
import org.glowzip.server.ErrorKind;

/** A body that is one PNG, PGM or PPM file. */
final class SingleImageSource implements ImageSource {
    private final InputStream in;
    private final InputLimits limits;
    private boolean done;

    SingleImageSource(InputStream in, InputLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    @Override
    public Image next() throws IOException, ApiException {
        if (done) {
            return null;
        }
        done = true;
        byte[] file = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limits.maxFileBytes() + 1));
        if (file.length > limits.maxFileBytes()) {
            throw new ApiException(ErrorKind.IMAGE_TOO_LARGE, "image file exceeds the limit of " + limits.maxFileBytes() + " bytes");
        }
        return ImageFiles.decode(file, "image", limits);
    }
}
