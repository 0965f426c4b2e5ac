package org.glowzip.server.input;

import java.io.IOException;
import org.glowzip.codec.image.Image;
import org.glowzip.server.ApiException;

/** The images of a request body, read one at a time as the body arrives. */
public interface ImageSource {
    /**
     * The next image, or {@code null} after the last one, when the whole body has been read.
     *
     * @throws ApiException if the body or an image in it is refused (its kind says why)
     * @throws IOException if reading the body fails
     */
    Image next() throws IOException, ApiException;
}
