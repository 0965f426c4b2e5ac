package org.glowzip.model.experiments;

import java.util.function.Function;
import org.glowzip.model.flow.Inversion;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Decodes with the clamped inverse ({@link Inversion#CLAMPED}) and counts the pixels that the exact
 * inverse leaves non-finite for the same latents, so that clamping is never silent.
 */
final class ClampedDecoder {
    private long nonFinitePixels;

    /** {@code decoding(CLAMPED)}, after counting the non-finite pixels of {@code decoding(EXACT)}. */
    INDArray decode(Function<Inversion, INDArray> decoding) {
        nonFinitePixels += nonFinitePixels(decoding.apply(Inversion.EXACT));
        return decoding.apply(Inversion.CLAMPED);
    }

    /** The pixels that the exact inverse left non-finite, over every {@link #decode} call so far. */
    long nonFinitePixels() {
        return nonFinitePixels;
    }

    /** The pixels of {@code images} ({@code [N, C, H, W]}) with a NaN or infinite value in any channel. */
    static long nonFinitePixels(INDArray images) {
        double[] values = images.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int channels = (int) images.size(1);
        int area = (int) (images.size(2) * images.size(3));
        long count = 0;
        for (int image = 0; image < images.size(0); image++) {
            for (int position = 0; position < area; position++) {
                boolean finite = true;
                for (int channel = 0; channel < channels; channel++) {
                    finite &= Double.isFinite(values[(image * channels + channel) * area + position]);
                }
                count += finite ? 0 : 1;
            }
        }
        return count;
    }
}
