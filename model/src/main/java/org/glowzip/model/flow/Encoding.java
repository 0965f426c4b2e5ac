package org.glowzip.model.flow;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What {@link Glow#forward} returns for a batch of {@code N} inputs.
 *
 * @param latents one tensor per level: the factored-out half at levels {@code 0..L-2}, the whole
 *     remaining tensor at level {@code L-1}
 * @param logDet {@code [N]} sum of the layers' log-determinants, in nats
 * @param logPrior {@code [N]} log-density of the latents under the priors, in nats
 */
public record Encoding(List<INDArray> latents, INDArray logDet, INDArray logPrior) {
}
