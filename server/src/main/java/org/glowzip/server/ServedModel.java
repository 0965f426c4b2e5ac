package org.glowzip.server;

import java.util.List;
import java.util.Objects;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MeasuredRate;
import org.glowzip.codec.MeasuredRates;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.modelfile.ModelFile;

/**
 * A model a {@link GlowServer} codes with.
 *
 * @param name the name clients pick it by ({@code POST /v1/compress?model=NAME}); a fingerprint
 *        prefix works too
 * @param codec the codec; its block size is how often a compress response emits a block
 * @param testBitsPerDimension the model's negative log-likelihood on its test set in bits per
 *        dimension, for {@code GET /v1/models}; {@code NaN} if unknown
 */
public record ServedModel(String name, ImageCodec codec, double testBitsPerDimension) {
    /** Samples per block of {@link #of}: about 330 images of 28 x 28, so a response streams in blocks of that size. */
    public static final long STREAMING_BLOCK_SAMPLES = 1L << 18;

    public ServedModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codec, "codec");
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("model name must be 1..64 of [A-Za-z0-9._-]: " + name);
        }
    }

    /** {@code model} with the default coding parameters, {@link #STREAMING_BLOCK_SAMPLES} and an unknown NLL. */
    public static ServedModel of(String name, ModelFile model) {
        return new ServedModel(name, streamingCodec(model), Double.NaN);
    }

    /** A codec of {@code model} with the default coding parameters and {@link #STREAMING_BLOCK_SAMPLES}. */
    public static ImageCodec streamingCodec(ModelFile model) {
        return new ImageCodec(model, CodingParameters.DEFAULT, STREAMING_BLOCK_SAMPLES);
    }

    public ModelFile model() {
        return codec.model();
    }

    /** What glowzip measured this model file to cost ({@link MeasuredRates}): a bundled model's rates, none for another. */
    public List<MeasuredRate> measuredRates() {
        return MeasuredRates.of(model());
    }
}
