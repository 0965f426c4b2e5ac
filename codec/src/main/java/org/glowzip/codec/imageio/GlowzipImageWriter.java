package org.glowzip.codec.imageio;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.ModelFileReader;
import org.glowzip.codec.stream.GlowzipWriter;

/**
 * Writes glowzip files through {@code javax.imageio}: {@link #write} writes one image in the
 * single-image form ({@link org.glowzip.codec.stream.SingleImageFormat}); {@link #prepareWriteSequence},
 * {@link #writeToSequence} and {@link #endWriteSequence} write a stream of images in blocks
 * ({@link org.glowzip.codec.stream.StreamFormat}). A {@link GlowzipImageWriteParam} chooses the
 * model and the block size; in a sequence, the first image's param decides them for the whole
 * stream.
 *
 * <p>An image's samples are read band by band through its raster and stored unchanged, with
 * its {@code BufferedImage} type, as {@link BufferedImageMapping} lists; an image it cannot hold
 * exactly is refused with an {@link IIOException} (its cause the {@link IllegalArgumentException}
 * that says why), never converted. Metadata ({@link IIOMetadata}) is not written.
 */
public final class GlowzipImageWriter extends ImageWriter {
    private GlowzipWriter sequence;
    private boolean sequencePrepared;

    GlowzipImageWriter(GlowzipImageWriterSpi provider) {
        super(provider);
    }

    @Override
    public GlowzipImageWriteParam getDefaultWriteParam() {
        return new GlowzipImageWriteParam(getLocale());
    }

    @Override
    public IIOMetadata getDefaultStreamMetadata(ImageWriteParam param) {
        return null;
    }

    @Override
    public IIOMetadata getDefaultImageMetadata(ImageTypeSpecifier imageType, ImageWriteParam param) {
        return null;
    }

    @Override
    public IIOMetadata convertStreamMetadata(IIOMetadata inData, ImageWriteParam param) {
        return null;
    }

    @Override
    public IIOMetadata convertImageMetadata(IIOMetadata inData, ImageTypeSpecifier imageType, ImageWriteParam param) {
        return null;
    }

    @Override
    public void write(IIOMetadata streamMetadata, IIOImage image, ImageWriteParam param) throws IOException {
        Image exact = exactImage(image);
        processImageStarted(0);
        output().write(codec(param).encode(exact));
        processImageComplete();
    }

    @Override
    public boolean canWriteSequence() {
        return true;
    }

    @Override
    public void prepareWriteSequence(IIOMetadata streamMetadata) {
        output();
        if (sequencePrepared) {
            throw new IllegalStateException("a sequence is already being written");
        }
        sequencePrepared = true;
    }

    @Override
    public void writeToSequence(IIOImage image, ImageWriteParam param) throws IOException {
        if (!sequencePrepared) {
            throw new IllegalStateException("prepareWriteSequence was not called");
        }
        Image exact = exactImage(image);
        if (sequence == null) {
            sequence = codec(param).writer(unclosable(output()));
        }
        processImageStarted((int) Math.min(sequence.imageCount(), Integer.MAX_VALUE));
        sequence.write(exact);
        processImageComplete();
    }

    /** Writes the last block and the end of the stream; an empty sequence is a stream of no images under the bundled model. */
    @Override
    public void endWriteSequence() throws IOException {
        if (!sequencePrepared) {
            throw new IllegalStateException("prepareWriteSequence was not called");
        }
        GlowzipWriter writer = sequence != null ? sequence : codec(null).writer(unclosable(output()));
        sequence = null;
        sequencePrepared = false;
        writer.close();
    }

    @Override
    public void setOutput(Object output) {
        abandonSequence();
        super.setOutput(output);
    }

    @Override
    public void reset() {
        abandonSequence();
        super.reset();
    }

    private void abandonSequence() {
        if (sequence != null) {
            sequence.cancel();
        }
        sequence = null;
        sequencePrepared = false;
    }

    private ImageOutputStream output() {
        if (output == null) {
            throw new IllegalStateException("no output set");
        }
        return (ImageOutputStream) output;
    }

    /** The image's exact samples and type, or an {@link IIOException} that says why there are none. */
    private static Image exactImage(IIOImage image) throws IIOException {
        if (image.hasRaster()) {
            throw new UnsupportedOperationException("glowzip writes images, not rasters without a colour model");
        }
        RenderedImage rendered = image.getRenderedImage();
        BufferedImage buffered = rendered instanceof BufferedImage b ? b
                : new BufferedImage(rendered.getColorModel(), rendered.copyData(null), rendered.getColorModel().isAlphaPremultiplied(), null);
        try {
            return BufferedImageMapping.toImage(buffered);
        } catch (IllegalArgumentException e) {
            throw new IIOException("glowzip cannot store this image exactly: " + e.getMessage(), e);
        }
    }

    /** The codec of {@code param}'s model and block size; the bundled model and default block size without one. */
    private static ImageCodec codec(ImageWriteParam param) throws IOException {
        GlowzipImageWriteParam glowzip = param instanceof GlowzipImageWriteParam p ? p : null;
        if (glowzip == null || glowzip.getModelFile() == null && glowzip.getBlockSamples() == GlowzipWriter.DEFAULT_BLOCK_SAMPLES) {
            return BundledModel.CODEC;
        }
        return new ImageCodec(glowzip.getModelFile() != null ? ModelFileReader.read(glowzip.getModelFile()) : BundledModel.CODEC.model(),
                CodingParameters.DEFAULT, glowzip.getBlockSamples());
    }

    /** {@code out} as an {@link OutputStream} whose close leaves {@code out} open for its owner. */
    private static OutputStream unclosable(ImageOutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] bytes, int from, int length) throws IOException {
                out.write(bytes, from, length);
            }
        };
    }
}
