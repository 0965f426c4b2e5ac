package org.glowzip.codec.imageio;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.glowzip.codec.DecodeLimitException;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.SampleFormat;
import org.glowzip.codec.stream.GlowzipForm;
import org.glowzip.codec.stream.SingleImageFormat;
import org.glowzip.codec.stream.SingleImageHeader;

/**
 * Reads glowzip files through {@code javax.imageio}: a single image ({@link SingleImageFormat})
 * or a stream of any number of images ({@link org.glowzip.codec.stream.StreamFormat}), decoded
 * with the bundled model unless {@link #setCodec} names another.
 *
 * <p>Width, height and image type come from the headers, before any pixel is decoded. Image
 * {@code k} of a stream decodes only the block that holds it ({@link StreamCursor}). Each image
 * comes back as the {@code BufferedImage} its metadata names ({@link BufferedImageMapping}:
 * the type a {@link GlowzipImageWriter} was given, a palette PNG's indexed image), with exactly
 * the samples the file holds; the whole image is returned, so the source region, subsampling and
 * destination of an {@link ImageReadParam} are not applied. Damaged, truncated or foreign bytes
 * raise {@link IIOException} whose cause is the {@link MalformedStreamException} with the byte
 * offset ({@link DecodeLimitException} for an image or block beyond the codec's decode limit).
 */
public final class GlowzipImageReader extends ImageReader {
    private ImageCodec codec;
    private GlowzipForm form;
    private byte[] single;
    private SingleImageHeader singleHeader;
    private StreamCursor stream;

    GlowzipImageReader(GlowzipImageReaderSpi provider) {
        super(provider);
    }

    /** Decodes with {@code codec}'s model and decode limit instead of the bundled model's. */
    public void setCodec(ImageCodec codec) {
        this.codec = codec;
        forget();
    }

    @Override
    public void setInput(Object input, boolean seekForwardOnly, boolean ignoreMetadata) {
        super.setInput(input, seekForwardOnly, ignoreMetadata);
        forget();
    }

    @Override
    public void reset() {
        super.reset();
        forget();
    }

    @Override
    public int getNumImages(boolean allowSearch) throws IOException {
        return switch (form()) {
            case SINGLE_IMAGE -> 1;
            case STREAM -> allowSearch ? guarded(() -> stream().count()) : stream().knownCount();
        };
    }

    @Override
    public int getWidth(int imageIndex) throws IOException {
        return entry(imageIndex).shape().width();
    }

    @Override
    public int getHeight(int imageIndex) throws IOException {
        return entry(imageIndex).shape().height();
    }

    /** The one type image {@code imageIndex} is read as, known from its header before decoding. */
    @Override
    public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) throws IOException {
        StreamCursor.Entry entry = entry(imageIndex);
        SampleFormat format = entry.shape().format();
        Image blank = Image.of(1, 1, format, new byte[format.planes()]).withMetadata(entry.metadata());
        return List.of(ImageTypeSpecifier.createFromRenderedImage(BufferedImageMapping.toBufferedImage(blank))).iterator();
    }

    @Override
    public IIOMetadata getStreamMetadata() {
        return null;
    }

    @Override
    public IIOMetadata getImageMetadata(int imageIndex) {
        return null;
    }

    @Override
    public BufferedImage read(int imageIndex, ImageReadParam param) throws IOException {
        clearAbortRequest();
        processImageStarted(imageIndex);
        Image image = switch (form()) {
            case SINGLE_IMAGE -> {
                singleHeader(imageIndex);
                yield guarded(() -> codec().decode(single));
            }
            case STREAM -> guarded(() -> stream().image(imageIndex));
        };
        BufferedImage result = BufferedImageMapping.toBufferedImage(image);
        processImageComplete();
        return result;
    }

    /** Blocks of a stream decoded since the input was set, for tests of what a read costs. */
    int decodedBlocks() {
        return stream == null ? 0 : stream.decodedBlocks();
    }

    private StreamCursor.Entry entry(int imageIndex) throws IOException {
        return switch (form()) {
            case SINGLE_IMAGE -> {
                SingleImageHeader header = singleHeader(imageIndex);
                yield new StreamCursor.Entry(header.shape(), header.metadata());
            }
            case STREAM -> guarded(() -> stream().entry(imageIndex));
        };
    }

    private void forget() {
        form = null;
        single = null;
        singleHeader = null;
        stream = null;
    }

    private ImageInputStream input() {
        if (input == null) {
            throw new IllegalStateException("no input set");
        }
        return (ImageInputStream) input;
    }

    private ImageCodec codec() {
        if (codec == null) {
            codec = BundledModel.CODEC;
        }
        return codec;
    }

    private GlowzipForm form() throws IOException {
        if (form == null) {
            byte[] start = GlowzipImageReaderSpi.peek(input());
            form = guarded(() -> GlowzipForm.of(start));
        }
        return form;
    }

    private StreamCursor stream() throws IOException {
        if (stream == null) {
            stream = guarded(() -> new StreamCursor(input(), codec()));
        }
        return stream;
    }

    private SingleImageHeader singleHeader(int imageIndex) throws IOException {
        if (imageIndex != 0) {
            throw new IndexOutOfBoundsException("image " + imageIndex + " of a single image");
        }
        if (singleHeader == null) {
            single = guarded(() -> readSingle(input()));
            singleHeader = guarded(() -> SingleImageHeader.read(single));
        }
        return singleHeader;
    }

    /** The single image's bytes: the rest of the input, refused beyond {@link SingleImageFormat#MAX_BYTES}. */
    private static byte[] readSingle(ImageInputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) >= 0;) {
            bytes.write(buffer, 0, n);
            if (bytes.size() > SingleImageFormat.MAX_BYTES) {
                throw new MalformedStreamException(SingleImageFormat.MAX_BYTES, "longer than any single image ("
                        + SingleImageFormat.MAX_BYTES + " bytes)");
            }
        }
        return bytes.toByteArray();
    }

    /** Work that reads the input. */
    private interface Reading<T> {
        T run() throws IOException;
    }

    /** Runs {@code reading}, raising its {@link MalformedStreamException} as the cause of an {@link IIOException}. */
    private static <T> T guarded(Reading<T> reading) throws IOException {
        try {
            return reading.run();
        } catch (MalformedStreamException e) {
            throw new IIOException("glowzip: " + e.getMessage(), e);
        }
    }
}
