package org.glowzip.codec.input;

import java.io.IOException;
import java.io.InputStream;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.input.InputRejectedException.Reason;

/**
 * One PNG, PGM or PPM file: its bytes, read up to the per-image file size limit; its pixel count,
 * checked from its header; then the image, decoded by {@link ImageFormat#read}.
 */
final class ImageFileSource implements ImageSource {
    private final InputStream in;
    private final String name;
    private final Budget budget;
    private boolean done;

    ImageFileSource(InputStream in, String name, Budget budget) {
        this.in = in;
        this.name = name;
        this.budget = budget;
    }

    @Override
    public Image next() throws IOException {
        if (done) {
            return null;
        }
        done = true;
        long maxBytes = budget.limits().maxFileBytes();
        byte[] file = in.readNBytes((int) maxBytes + 1); // maxFileBytes() stays below the largest array
        if (file.length > maxBytes) {
            throw new InputRejectedException(Reason.IMAGE_SIZE, name + ": image file exceeds the limit of " + maxBytes + " bytes");
        }
        long pixels = ImageHeaders.pixels(file);
        budget.checkPixels(pixels, name + ": image of " + pixels + " pixels exceeds");
        budget.expect(1, 0, name);
        Image image;
        try {
            image = ImageFormat.read(file);
        } catch (MalformedStreamException e) {
            throw new InputRejectedException(Reason.UNDECODABLE, name + ": " + e.reason(), e);
        } catch (RuntimeException e) {
            throw new InputRejectedException(Reason.UNDECODABLE, name + ": unreadable image: " + e, e);
        }
        budget.count(image, name);
        return image;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
