package org.glowzip.codec.stream;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.glowzip.codec.MalformedStreamException;

/** The two forms of glowzip bytes, told apart by their magic. */
public enum GlowzipForm {
    /** One image, compactly framed: {@link SingleImageFormat}. */
    SINGLE_IMAGE,
    /** Any number of images in blocks: {@link StreamFormat}. */
    STREAM;

    /** Bytes that tell the forms apart: the longer magic, the stream's. */
    public static final int PREFIX_BYTES = StreamFormat.MAGIC.length;

    /**
     * The form of bytes that start with {@code start}.
     *
     * @throws MalformedStreamException if they start with neither magic
     */
    public static GlowzipForm of(byte[] start) throws MalformedStreamException {
        if (SingleImageFormat.hasMagic(start)) {
            return SINGLE_IMAGE;
        }
        if (start.length >= PREFIX_BYTES && Arrays.equals(start, 0, PREFIX_BYTES, StreamFormat.MAGIC, 0, PREFIX_BYTES)) {
            return STREAM;
        }
        throw new MalformedStreamException(0, "not a glowzip image or stream");
    }

    /**
     * The form of what {@code in} holds, read without consuming it.
     *
     * @param in an input that supports {@link InputStream#mark mark}
     */
    public static GlowzipForm of(InputStream in) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("the input must support mark and reset");
        }
        in.mark(PREFIX_BYTES);
        byte[] start = in.readNBytes(PREFIX_BYTES);
        in.reset();
        return of(start);
    }
}
