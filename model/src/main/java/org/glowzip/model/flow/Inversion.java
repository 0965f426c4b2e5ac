package org.glowzip.model.flow;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * How the float Glow runs backwards ({@link Glow#reverse}, {@link Glow#sample}). The forward pass
 * (training, likelihood) is the same for both, and so is the codec's integer flow.
 *
 * <p>Why clamp: the inverse of an affine coupling divides by {@code s = sigmoid(h + 2)}, i.e.
 * multiplies by {@code 1 + exp(-(h + 2))}. Latents the forward pass never produces from an image
 * (a temperature near 1, an extrapolated manipulation) can drive the coupling network to
 * pre-scales {@code h + 2} far below anything real images give (the bundled model's forward pass
 * on the 10,000 Fashion-MNIST test images stays above -5.3, an inverse scale of at most 199): the
 * inverse then amplifies by 10^6 in one step, the next couplings' networks see inputs of that size
 * and give still smaller pre-scales, and within a few steps float overflows to infinity and NaN.
 * Bounding the inverse scale alone leaves a geometric growth through the steps (shifts, 1x1
 * convolutions and actnorm amplify too, additive flows included), so the values between steps
 * are bounded as well; the scale bound keeps the division away from a zero {@code s}, whose
 * infinities would turn into NaN that no later clamp undoes.
 */
public enum Inversion {
    /** {@code f^-1} as it is: exact, and non-finite where the latents lie far from any image. */
    EXACT,
    /**
     * {@code f^-1} with two clamps, so that it is always finite: each affine coupling's pre-scale
     * {@code h + 2} is clamped to at least {@value #MIN_PRE_SCALE} (its inverse scale {@code 1/s}
     * to at most {@code 1 + e^10}, about 22,000), and each flow step's output to
     * [-{@value #MAX_ACTIVATION}, {@value #MAX_ACTIVATION}] (the bundled model's activations between
     * steps on the test images stay within [-19, 19]). Where neither clamp acts, the result is bit
     * for bit that of {@link #EXACT}.
     */
    CLAMPED;

    /** The smallest pre-scale {@code h + 2} of an affine coupling's clamped inverse. */
    public static final double MIN_PRE_SCALE = -10;
    /** The largest magnitude of a value between flow steps in the clamped inverse. */
    public static final double MAX_ACTIVATION = 100;

    /** An affine coupling's pre-scales {@code h + 2}, clamped in place when this inversion clamps. */
    INDArray preScale(INDArray preScale) {
        return this == CLAMPED ? Transforms.max(preScale, MIN_PRE_SCALE, false) : preScale;
    }

    /** A flow step's reverse output, clamped in place when this inversion clamps. */
    INDArray activations(INDArray x) {
        return this == CLAMPED ? Transforms.min(Transforms.max(x, -MAX_ACTIVATION, false), MAX_ACTIVATION, false) : x;
    }
}
