package org.glowzip.codec.imageio;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.stream.GlowzipForm;

/**
 * Registers {@link GlowzipImageReader} with {@code javax.imageio} (through
 * {@code META-INF/services}): format name {@code glowzip}, suffix {@code glz}, MIME type
 * {@code image/x-glowzip}; an input is recognised by the magic of either form, a single image
 * ({@code 89 47 69}, "\x89Gi") or a stream ({@code 89 47 4C 4F 57 5A 0D 0A}, "\x89GLOWZ\r\n").
 */
public final class GlowzipImageReaderSpi extends ImageReaderSpi {
    public GlowzipImageReaderSpi() {
        super(GlowzipFormat.VENDOR, GlowzipFormat.VERSION, GlowzipFormat.NAMES, GlowzipFormat.SUFFIXES, GlowzipFormat.MIME_TYPES,
                GlowzipImageReader.class.getName(), new Class<?>[] {ImageInputStream.class},
                new String[] {GlowzipImageWriterSpi.class.getName()}, false, null, null, null, null, false, null, null, null, null);
    }

    @Override
    public boolean canDecodeInput(Object source) throws IOException {
        if (!(source instanceof ImageInputStream in)) {
            return false;
        }
        try {
            GlowzipForm.of(peek(in));
            return true;
        } catch (MalformedStreamException e) {
            return false;
        }
    }

    /** The input's first {@link GlowzipForm#PREFIX_BYTES} bytes (fewer if it is shorter), leaving its position where it was. */
    static byte[] peek(ImageInputStream in) throws IOException {
        byte[] start = new byte[GlowzipForm.PREFIX_BYTES];
        int read = 0;
        in.mark();
        try {
            for (int n; read < start.length && (n = in.read(start, read, start.length - read)) >= 0;) {
                read += n;
            }
        } finally {
            in.reset();
        }
        return Arrays.copyOf(start, read);
    }

    @Override
    public ImageReader createReaderInstance(Object extension) {
        return new GlowzipImageReader(this);
    }

    @Override
    public String getDescription(Locale locale) {
        return "glowzip lossless image (single image or stream)";
    }
}
