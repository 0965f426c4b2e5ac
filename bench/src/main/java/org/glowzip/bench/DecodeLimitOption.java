package org.glowzip.bench;

import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.ModelSet;
import org.glowzip.codec.image.Image;
import picocli.CommandLine.Option;

/**
 * The {@code --max-decode-samples} option: the most samples one decode (a single image, or one
 * block of a stream) may produce. The library's default ({@link ImageCodec#maxDecodeSamples})
 * suits a server; on the command line, where a user decodes their own files, the default is
 * {@link ImageCodec#heapSizedDecodeLimit}: an eighth of this JVM's heap, at most what the format allows.
 */
final class DecodeLimitOption {
    @Option(names = "--max-decode-samples", paramLabel = "N", converter = SizeConverter.class,
            description = "Most samples one image or block may decode to (default: ${DEFAULT-VALUE}, an eighth of the heap, at most "
                    + Image.MAX_SAMPLES + ").")
    long maxDecodeSamples = ImageCodec.heapSizedDecodeLimit();

    /** {@code models} with this limit. */
    ModelSet apply(ModelSet models) {
        return models.withMaxDecodeSamples(maxDecodeSamples);
    }
}
