package org.glowzip.codec;

import java.util.Objects;
import org.glowzip.codec.stream.GlowzipForm;

/**
 * What glowzip measured a bundled model to cost: its mean bits per sample in one form on named
 * images, as a committed results file shows it. One row of {@link MeasuredRates}.
 *
 * @param model the model's name in {@link ModelSet#bundled()}
 * @param fingerprint the fingerprint of the model file it was measured with, 64 lower-case hex
 *        digits ({@link org.glowzip.codec.modelfile.ModelFile#fingerprintHex}): the rate holds for
 *        that file only
 * @param form all images in one stream, or each alone in the single-image form
 * @param bitsPerSample each image's bytes x 8 / its samples, averaged over the images
 * @param measuredOn the images, in words
 * @param results the results file, a path in the repository, whose glowzip row shows the figure
 * @param command the command that measured it
 */
public record MeasuredRate(String model, String fingerprint, GlowzipForm form, double bitsPerSample, String measuredOn, String results,
        String command) {
    public MeasuredRate {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(measuredOn, "measuredOn");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(command, "command");
        if (!fingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a fingerprint is 64 lower-case hex digits: " + fingerprint);
        }
        if (!(bitsPerSample > 0 && bitsPerSample <= 16)) {
            throw new IllegalArgumentException("bits per sample outside (0, 16]: " + bitsPerSample);
        }
    }
}
