package org.glowzip.codec.flow;

import java.util.Optional;
import java.util.function.IntPredicate;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.nn.CouplingNetwork;
import org.glowzip.codec.nn.FeatureMap;

/**
 * Codes one prior's latent under its diagonal Gaussian ({@link GaussianPrior}) and, where the
 * Glow's priors have a checkerboard context ({@code <prior>.context} of the model file's layout),
 * in two passes: the squares whose row plus column is even under the prior's own parameters, then
 * the odd ones with the context's output added, a network of the level's kept half and the even
 * squares (each at its bin's centre; 0 on the odd squares). Pushing codes the odd squares first,
 * so that popping has the even ones before it needs them.
 */
final class ContextPrior {
    private final GaussianPrior gaussian;
    private final Optional<CouplingNetwork> context;

    ContextPrior(GaussianPrior gaussian, Optional<CouplingNetwork> context) {
        this.gaussian = gaussian;
        this.context = context;
    }

    /**
     * Pushes {@code latent} (in {@code frame}) whose prior has {@code parameters}, given the
     * level's {@code kept} half as the context reads it (none at the top).
     */
    void push(Message message, Optional<FeatureMap> kept, LatentMap latent, Frame frame, PriorParameters parameters) {
        if (context.isEmpty()) {
            gaussian.push(message, latent, frame, parameters, i -> true);
            return;
        }
        IntPredicate even = i -> Checkerboard.even(i, latent.width());
        gaussian.push(message, latent, frame, withContext(kept, latent, frame, parameters), even.negate());
        gaussian.push(message, latent, frame, parameters, even);
    }

    /** Pops into {@code latent} what {@link #push} pushed. */
    void pop(Message message, Optional<FeatureMap> kept, LatentMap latent, Frame frame, PriorParameters parameters) {
        if (context.isEmpty()) {
            gaussian.pop(message, latent, frame, parameters, i -> true);
            return;
        }
        IntPredicate even = i -> Checkerboard.even(i, latent.width());
        gaussian.pop(message, latent, frame, parameters, even);
        gaussian.pop(message, latent, frame, withContext(kept, latent, frame, parameters), even.negate());
    }

    /** The prior's parameters with the context of the kept half and the latent's even squares added. */
    private PriorParameters withContext(Optional<FeatureMap> kept, LatentMap latent, Frame frame, PriorParameters parameters) {
        int channels = latent.channels();
        int keptChannels = kept.map(FeatureMap::channels).orElse(0);
        FeatureMap input = new FeatureMap(keptChannels + channels, latent.height(), latent.width());
        kept.ifPresent(map -> {
            for (int c = 0; c < keptChannels; c++) {
                System.arraycopy(map.plane(c), 0, input.plane(c), 0, map.plane(c).length);
            }
        });
        FeatureMap visible = latent.toFeatureMap(0, channels, frame);
        for (int c = 0; c < channels; c++) {
            float[] from = visible.plane(c);
            float[] to = input.plane(keptChannels + c);
            for (int i = 0; i < to.length; i++) {
                to[i] = Checkerboard.even(i, latent.width()) ? from[i] : 0f;
            }
        }
        return parameters.plus(context.orElseThrow().apply(input));
    }
}
