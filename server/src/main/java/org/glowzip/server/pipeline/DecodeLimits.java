package org.glowzip.server.pipeline;

import org.glowzip.codec.image.Image;
import org.glowzip.codec.stream.StreamFormat;

/**
 * What a decoder of untrusted glowzip streams will accept before it allocates or computes
 * anything. A coded block can describe a large image with a few bytes, so these bound the memory
 * and the flow work that one stream can ask for; exceeding one raises {@link LimitExceededException}.
 *
 * @param maxPixelsPerImage most pixels ({@code width x height}) of one image
 * @param maxBlockSamples most samples of one block, at most 2^28 (the format's own bound)
 * @param maxStreamSamples most samples decoded from one stream in all
 */
public record DecodeLimits(long maxPixelsPerImage, long maxBlockSamples, long maxStreamSamples) {
    /** The format's own bounds: nothing beyond what any glowzip stream may hold. */
    public static final DecodeLimits FORMAT = new DecodeLimits(Image.MAX_SAMPLES, StreamFormat.MAX_BLOCK_SAMPLES, Long.MAX_VALUE);

    public DecodeLimits {
        if (maxPixelsPerImage < 1 || maxBlockSamples < 1 || maxBlockSamples > StreamFormat.MAX_BLOCK_SAMPLES || maxStreamSamples < 1) {
            throw new IllegalArgumentException("limits must be positive and a block at most " + StreamFormat.MAX_BLOCK_SAMPLES
                    + " samples: " + maxPixelsPerImage + ", " + maxBlockSamples + ", " + maxStreamSamples);
        }
    }
}
