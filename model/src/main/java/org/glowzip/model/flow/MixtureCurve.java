package org.glowzip.model.flow;

import java.util.ArrayList;
import java.util.List;
import org.glowzip.codec.modelfile.GlowLayout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The monotone curve of a mixture coupling, elementwise on arrays of one shape:
 * {@code L(z) = logit(F(z))}, {@code F(z) = sum_k pi_k sigmoid(u_k)}, {@code u_k = (z - m_k) e^-l_k},
 * {@code pi = softmax(w)}, {@code l_k} the network's log-scale clamped below at
 * {@link GlowLayout#MIXTURE_MIN_LOG_SCALE}; also {@code log L'(z)}, and the gradients of both.
 * Computed in logarithms so that no step overflows: {@code log sigmoid(u) = -softplus(-u)},
 * {@code log(1 - sigmoid(u)) = log sigmoid(u) - u}, {@code log F}, {@code log(1 - F)} and
 * {@code log F'} by log-sum-exp, {@code log L' = log F' - log F - log(1 - F)}.
 *
 * <p>The parameters are one array of {@code 3M} blocks of {@code width} channels: the weight
 * logits {@code w_0..w_M-1}, the means, the log-scales ({@link GlowLayout}'s order).
 */
final class MixtureCurve {
    /** Bisection steps of {@link #inverse}: enough to pin a float down from a bracket of ±2^40. */
    private static final int BISECTION_STEPS = 80;
    private static final double BRACKET = 0x1p40;

    private final int components = GlowLayout.MIXTURE_COMPONENTS;
    private final List<INDArray> weights = new ArrayList<>();
    private final List<INDArray> scaledOffsets = new ArrayList<>();
    private final List<INDArray> inverseScales = new ArrayList<>();
    private final List<INDArray> unclamped = new ArrayList<>();
    private final List<INDArray> sigmoids = new ArrayList<>();
    private final List<INDArray> belowShares = new ArrayList<>();
    private final List<INDArray> aboveShares = new ArrayList<>();
    private final List<INDArray> slopeShares = new ArrayList<>();
    private final List<INDArray> logWeights = new ArrayList<>();
    private final List<INDArray> means = new ArrayList<>();
    private final List<INDArray> logScales = new ArrayList<>();
    private INDArray value;
    private INDArray logDerivative;

    /** The curve with the parameters {@code parameters} (3M blocks of {@code width} channels). */
    MixtureCurve(INDArray parameters, long width) {
        List<INDArray> logits = new ArrayList<>();
        for (int k = 0; k < components; k++) {
            logits.add(Tensors.channels(parameters, k * width, (k + 1) * width));
            means.add(Tensors.channels(parameters, (components + k) * width, (components + k + 1) * width));
            INDArray raw = Tensors.channels(parameters, (2 * components + k) * width, (2 * components + k + 1) * width);
            unclamped.add(raw.gt(GlowLayout.MIXTURE_MIN_LOG_SCALE).castTo(raw.dataType()));
            INDArray logScale = Transforms.max(raw, GlowLayout.MIXTURE_MIN_LOG_SCALE, false);
            logScales.add(logScale);
            inverseScales.add(Transforms.exp(logScale.neg(), false));
        }
        INDArray normalizer = logSumExp(logits);
        for (INDArray logit : logits) {
            INDArray logWeight = logit.sub(normalizer);
            logWeights.add(logWeight);
            weights.add(Transforms.exp(logWeight, true));
        }
    }

    /** {@code L(z)}; keeps what {@link #backward} needs and sets {@link #logDerivative()}. */
    INDArray forward(INDArray z) {
        List<INDArray> below = new ArrayList<>();
        List<INDArray> above = new ArrayList<>();
        List<INDArray> slope = new ArrayList<>();
        sigmoids.clear();
        scaledOffsets.clear();
        for (int k = 0; k < components; k++) {
            INDArray u = z.sub(means.get(k)).muli(inverseScales.get(k));
            scaledOffsets.add(u);
            INDArray logSigmoid = softPlus(u.neg()).negi();
            INDArray logComplement = logSigmoid.sub(u);
            sigmoids.add(Transforms.exp(logSigmoid, true));
            below.add(logSigmoid.add(logWeights.get(k)));
            above.add(logComplement.add(logWeights.get(k)));
            slope.add(logSigmoid.addi(logComplement).addi(logWeights.get(k)).subi(logScales.get(k)));
        }
        INDArray logF = logSumExp(below);
        INDArray logComplementF = logSumExp(above);
        INDArray logSlope = logSumExp(slope);
        belowShares.clear();
        aboveShares.clear();
        slopeShares.clear();
        for (int k = 0; k < components; k++) {
            belowShares.add(Transforms.exp(below.get(k).subi(logF), false));
            aboveShares.add(Transforms.exp(above.get(k).subi(logComplementF), false));
            slopeShares.add(Transforms.exp(slope.get(k).subi(logSlope), false));
        }
        value = logF.sub(logComplementF);
        logDerivative = logSlope.subi(logF).subi(logComplementF);
        return value;
    }

    /** {@code log L'(z)} of the last {@link #forward}. */
    INDArray logDerivative() {
        return logDerivative;
    }

    /** {@code L(z)} of the last {@link #forward}. */
    INDArray value() {
        return value;
    }

    /**
     * The gradients of a loss through the last {@link #forward}, given its gradient with respect to
     * {@code L(z)} and the weight of {@code log L'(z)} in it.
     */
    Gradients backward(INDArray gradValue, double logDerivativeWeight) {
        INDArray gradZ = gradValue.like();
        List<INDArray> gradLogits = new ArrayList<>();
        List<INDArray> gradMeans = new ArrayList<>();
        List<INDArray> gradLogScales = new ArrayList<>();
        for (int k = 0; k < components; k++) {
            INDArray sigmoid = sigmoids.get(k);
            INDArray r = belowShares.get(k);
            INDArray q = aboveShares.get(k);
            INDArray rho = slopeShares.get(k);
            INDArray rComplement = r.mul(sigmoid.rsub(1.0));
            INDArray qSigmoid = q.mul(sigmoid);
            INDArray valueByU = rComplement.add(qSigmoid);
            INDArray logDerivativeByU = rho.mul(sigmoid.mul(-2.0).addi(1.0)).subi(rComplement).addi(qSigmoid);
            INDArray gradU = valueByU.muli(gradValue).addi(logDerivativeByU.muli(logDerivativeWeight));
            INDArray gradShift = gradU.mul(inverseScales.get(k));
            gradZ.addi(gradShift);
            gradMeans.add(gradShift.negi());
            gradLogScales.add(gradU.muli(scaledOffsets.get(k)).negi().subi(rho.mul(logDerivativeWeight)).muli(unclamped.get(k)));
            gradLogits.add(r.sub(q).muli(gradValue)
                    .addi(rho.sub(r).subi(q).addi(weights.get(k)).muli(logDerivativeWeight)));
        }
        List<INDArray> blocks = new ArrayList<>(gradLogits);
        blocks.addAll(gradMeans);
        blocks.addAll(gradLogScales);
        return new Gradients(gradZ, Nd4j.concat(1, blocks.toArray(INDArray[]::new)));
    }

    /** The {@code z} with {@code L(z) = value}, by bisection in {@code [-2^40, 2^40]}. */
    INDArray inverse(INDArray target) {
        INDArray low = target.like().assign(-BRACKET);
        INDArray high = target.like().assign(BRACKET);
        for (int step = 0; step < BISECTION_STEPS; step++) {
            INDArray middle = low.add(high).muli(0.5);
            INDArray below = forward(middle).lt(target).castTo(target.dataType());
            low.addi(middle.sub(low).muli(below));
            high.addi(middle.sub(high).muli(below.rsub(1.0)));
        }
        return low.addi(high).muli(0.5);
    }

    /** Gradients with respect to the input and to the parameters (laid out like them). */
    record Gradients(INDArray input, INDArray parameters) {
    }

    /** {@code log(1 + e^x)} without overflow: {@code max(x, 0) + log(1 + e^-|x|)}. */
    private static INDArray softPlus(INDArray x) {
        INDArray tail = Transforms.log(Transforms.exp(Transforms.abs(x, true).negi(), false).addi(1.0), false);
        return Transforms.relu(x, false).addi(tail);
    }

    private static INDArray logSumExp(List<INDArray> terms) {
        INDArray max = terms.get(0).dup();
        for (INDArray term : terms.subList(1, terms.size())) {
            max = Transforms.max(max, term, false);
        }
        INDArray sum = max.like();
        for (INDArray term : terms) {
            sum.addi(Transforms.exp(term.sub(max), false));
        }
        return Transforms.log(sum, false).addi(max);
    }
}
