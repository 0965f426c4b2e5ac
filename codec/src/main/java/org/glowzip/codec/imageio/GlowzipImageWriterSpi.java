package org.glowzip.codec.imageio;

import java.util.Locale;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;

/**
 * Registers {@link GlowzipImageWriter} with {@code javax.imageio} (through
 * {@code META-INF/services}), under the names of {@link GlowzipImageReaderSpi}.
 *
 * <p>{@link #canEncodeImage} accepts every type, so that {@code ImageIO.write} of an image the
 * codec cannot hold exactly reaches the writer, which refuses it with an {@link javax.imageio.IIOException}
 * that says why ({@link BufferedImageMapping} lists what is accepted), rather than returning
 * {@code false} without a reason. Nothing is ever converted.
 */
public final class GlowzipImageWriterSpi extends ImageWriterSpi {
    public GlowzipImageWriterSpi() {
        super(GlowzipFormat.VENDOR, GlowzipFormat.VERSION, GlowzipFormat.NAMES, GlowzipFormat.SUFFIXES, GlowzipFormat.MIME_TYPES,
                GlowzipImageWriter.class.getName(), new Class<?>[] {ImageOutputStream.class},
                new String[] {GlowzipImageReaderSpi.class.getName()}, false, null, null, null, null, false, null, null, null, null);
    }

    @Override
    public boolean canEncodeImage(ImageTypeSpecifier type) {
        return true;
    }

    @Override
    public ImageWriter createWriterInstance(Object extension) {
        return new GlowzipImageWriter(this);
    }

    @Override
    public String getDescription(Locale locale) {
        return "glowzip lossless image (single image or stream)";
    }
}
