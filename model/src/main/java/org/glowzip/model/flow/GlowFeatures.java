package org.glowzip.model.flow;

import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.modelfile.ModelFile;

/**
 * What a Glow has beyond the plain flow of its config: a border condition (its couplings and
 * priors read its tiles' {@link BorderPlanes}) and checkerboard contexts in its priors
 * ({@link PriorContext}).
 */
public record GlowFeatures(boolean conditioned, boolean priorContext) {
    public static final GlowFeatures NONE = new GlowFeatures(false, false);
    public static final GlowFeatures CONDITIONED = new GlowFeatures(true, false);

    /** The features of the Glow {@code file} holds. */
    public static GlowFeatures of(ModelFile file) {
        return new GlowFeatures(GlowLayout.hasCondition(file), GlowLayout.hasContext(file));
    }
}
