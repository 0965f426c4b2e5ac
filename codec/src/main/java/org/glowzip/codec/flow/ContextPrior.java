package org.glowzip.codec.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.IntPredicate;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.modelfile.PriorPhases;
import org.glowzip.codec.nn.CouplingNetwork;
import org.glowzip.codec.nn.FeatureMap;

/**
 * Codes one prior's latent under its diagonal Gaussian ({@link GaussianPrior}) in the phases of
 * the Glow's {@link PriorPhases}: the first phase under the prior's own parameters, each later one
 * with the output of the context that starts it added to the parameters the phase before had, a
 * network of the level's kept half and the latent on the quarters before the context (each at its
 * bin's centre; 0 elsewhere). Pushing codes the last phase first, so that popping has every phase
 * before it needs it.
 */
final class ContextPrior {
    private final GaussianPrior gaussian;
    private final SortedMap<Integer, CouplingNetwork> contexts;
    private final List<Integer> phaseStarts = new ArrayList<>();

    /** The prior coded by {@code gaussian} with {@code contexts} by the quarter that starts them (none: one phase). */
    ContextPrior(GaussianPrior gaussian, SortedMap<Integer, CouplingNetwork> contexts) {
        this.gaussian = gaussian;
        this.contexts = contexts;
        phaseStarts.add(0);
        phaseStarts.addAll(contexts.keySet());
    }

    /**
     * Pushes {@code latent} (in {@code frame}) whose prior has {@code parameters}, given the
     * level's {@code kept} half as the contexts read it (none at the top).
     */
    void push(Message message, Optional<FeatureMap> kept, LatentMap latent, Frame frame, PriorParameters parameters) {
        List<PriorParameters> given = new ArrayList<>(List.of(parameters));
        for (int phase = 1; phase < phaseStarts.size(); phase++) {
            given.add(withContext(given.get(phase - 1), phaseStarts.get(phase), kept, latent, frame));
        }
        for (int phase = phaseStarts.size() - 1; phase >= 0; phase--) {
            gaussian.push(message, latent, frame, given.get(phase), inPhase(phase, latent.width()));
        }
    }

    /** Pops into {@code latent} what {@link #push} pushed. */
    void pop(Message message, Optional<FeatureMap> kept, LatentMap latent, Frame frame, PriorParameters parameters) {
        PriorParameters given = parameters;
        for (int phase = 0; phase < phaseStarts.size(); phase++) {
            if (phase > 0) {
                given = withContext(given, phaseStarts.get(phase), kept, latent, frame);
            }
            gaussian.pop(message, latent, frame, given, inPhase(phase, latent.width()));
        }
    }

    /** Selects the elements of a plane {@code width} wide whose quarter lies in {@code phase}. */
    private IntPredicate inPhase(int phase, int width) {
        int from = phaseStarts.get(phase);
        int to = phase + 1 < phaseStarts.size() ? phaseStarts.get(phase + 1) : PriorPhases.QUARTER_COUNT;
        return i -> {
            int quarter = PriorPhases.quarterOfIndex(i, width);
            return quarter >= from && quarter < to;
        };
    }

    /** {@code parameters} with the output of the context that starts at quarter {@code k} added: a network of the kept half and the latent before {@code k}. */
    private PriorParameters withContext(PriorParameters parameters, int k, Optional<FeatureMap> kept, LatentMap latent, Frame frame) {
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
                to[i] = PriorPhases.quarterOfIndex(i, latent.width()) < k ? from[i] : 0f;
            }
        }
        return parameters.plus(contexts.get(k).apply(input));
    }
}
