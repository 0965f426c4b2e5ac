package org.glowzip.model.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.glowzip.model.flow.Inversion;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ClampedDecoderTest {
    @Test
    void aPixelIsNonFiniteWhenAnyOfItsChannelsIs() {
        INDArray images = Nd4j.zeros(DataType.FLOAT, 2, 3, 2, 2);
        images.putScalar(new long[] {0, 1, 0, 1}, Float.NaN);
        images.putScalar(new long[] {1, 0, 1, 0}, Float.POSITIVE_INFINITY);
        images.putScalar(new long[] {1, 2, 1, 0}, Float.NEGATIVE_INFINITY);
        images.putScalar(new long[] {1, 2, 1, 1}, Float.MAX_VALUE);
        assertEquals(2, ClampedDecoder.nonFinitePixels(images));
    }

    @Test
    void decodesClampedAndCountsWhatTheExactInverseLeftNonFinite() {
        INDArray exact = Nd4j.createFromArray(Float.NaN, 0f, Float.POSITIVE_INFINITY, 1f).reshape(1, 1, 2, 2);
        INDArray clamped = Nd4j.createFromArray(0f, 0f, 100f, 1f).reshape(1, 1, 2, 2);
        ClampedDecoder decoder = new ClampedDecoder();
        assertSame(clamped, decoder.decode(inversion -> inversion == Inversion.EXACT ? exact : clamped));
        assertSame(clamped, decoder.decode(inversion -> inversion == Inversion.EXACT ? exact : clamped));
        assertEquals(4, decoder.nonFinitePixels(), "two calls, two non-finite pixels each");
    }
}
