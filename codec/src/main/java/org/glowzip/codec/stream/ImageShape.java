package org.glowzip.codec.stream;

import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.SampleFormat;

/** What a decoder must know of an image before popping it: its size and sample format. */
public record ImageShape(int width, int height, SampleFormat format) {

    static ImageShape of(Image image) {
        return new ImageShape(image.width(), image.height(), image.format());
    }

    /** 8-bit samples of the image, {@code width x height x planes}. */
    public long samples() {
        return (long) width * height * format.planes();
    }
}
