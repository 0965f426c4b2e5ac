package org.glowzip.codec.input;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.glowzip.codec.image.Image;

/**
 * The images of an input, read one at a time in order, so that memory holds one image (and the
 * readers' buffers) whatever the size of the input. Closing it closes the input.
 */
public interface ImageSource extends Closeable {
    /**
     * The next image, or {@code null} after the last one (and on every call after that).
     *
     * @throws org.glowzip.codec.MalformedStreamException if the input's bytes are damaged
     * @throws InputRejectedException if the input, or a file in it, is refused
     * @throws IOException if reading fails
     */
    Image next() throws IOException;

    /** Every remaining image, in order: for inputs that are meant to be held whole (the limits bound them). */
    default List<Image> readAll() throws IOException {
        List<Image> images = new ArrayList<>();
        for (Image image = next(); image != null; image = next()) {
            images.add(image);
        }
        return images;
    }
}
