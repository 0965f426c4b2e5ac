package org.glowzip.model.flow;

import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.PriorPhases;

/**
 * What a Glow has beyond the plain flow of its config: a border condition (its couplings and
 * priors read its tiles' {@link BorderPlanes}) and the phases in which its priors code, each after
 * the first given the ones before it by a {@link PriorContext}.
 */
public record GlowFeatures(boolean conditioned, PriorPhases priorPhases) {
    public static final GlowFeatures NONE = new GlowFeatures(false, PriorPhases.SINGLE);
    public static final GlowFeatures CONDITIONED = new GlowFeatures(true, PriorPhases.SINGLE);

    /** The features of the Glow {@code file} holds. */
    public static GlowFeatures of(ModelFile file) {
        return new GlowFeatures(GlowLayout.hasCondition(file), GlowLayout.priorPhases(file));
    }
}
