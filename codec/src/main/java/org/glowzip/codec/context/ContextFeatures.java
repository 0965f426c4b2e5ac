package org.glowzip.codec.context;

import org.glowzip.codec.image.Canvas;
/**
 * What a {@link ContextModel}'s network sees of the samples coded before the one it predicts,
 * and what its {@value ContextModel#SYMBOLS} symbols mean: symbol s stands for the value
 * {@code (s + offset) & 255}, where the offset is what {@link #features} returns. Every value has
 * exactly one symbol, so any offset keeps coding lossless; a predictor as the offset lets the
 * network learn the distribution of a residual instead of one per level.
 */
public interface ContextFeatures {
    /** F, the number of features. */
    int count();

    /** The radius of the causal neighbourhood the features read. */
    int radius();

    /**
     * Writes the features of sample {@code (c, y, x)} of the canvas's current tile into
     * {@code out} ({@link #count()} long), reading only samples before it in coding order.
     *
     * @return the offset of the sample's symbols
     */
    int features(Canvas canvas, int c, int y, int x, float[] out);
}
