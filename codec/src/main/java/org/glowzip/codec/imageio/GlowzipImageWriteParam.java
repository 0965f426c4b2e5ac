package org.glowzip.codec.imageio;

import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageWriteParam;
import org.glowzip.codec.stream.GlowzipWriter;
import org.glowzip.codec.stream.StreamFormat;

/**
 * How a {@link GlowzipImageWriter} codes: with the model file at {@link #getModelFile} (the
 * bundled model when {@code null}, the default), and, for a sequence, in blocks of at most
 * {@link #getBlockSamples} samples ({@link GlowzipWriter#DEFAULT_BLOCK_SAMPLES} by default). Every
 * coding is lossless, so there is no compression mode or quality to set. A reader decodes a file
 * written with a model file only when given that model ({@link GlowzipImageReader#setCodec}).
 */
public final class GlowzipImageWriteParam extends ImageWriteParam {
    private Path modelFile;
    private long blockSamples = GlowzipWriter.DEFAULT_BLOCK_SAMPLES;

    public GlowzipImageWriteParam(Locale locale) {
        super(locale);
    }

    /** The model file to code with, or {@code null} for the bundled model. */
    public Path getModelFile() {
        return modelFile;
    }

    /** @param modelFile a glowzip model file, or {@code null} for the bundled model */
    public void setModelFile(Path modelFile) {
        this.modelFile = modelFile;
    }

    /** The most samples a block of a sequence holds (a sample is one 8-bit plane of one pixel). */
    public long getBlockSamples() {
        return blockSamples;
    }

    /** @throws IllegalArgumentException if {@code blockSamples} is outside 1..{@link StreamFormat#MAX_BLOCK_SAMPLES} */
    public void setBlockSamples(long blockSamples) {
        if (blockSamples < 1 || blockSamples > StreamFormat.MAX_BLOCK_SAMPLES) {
            throw new IllegalArgumentException("block size " + blockSamples + " samples outside 1.." + StreamFormat.MAX_BLOCK_SAMPLES);
        }
        this.blockSamples = blockSamples;
    }
}
