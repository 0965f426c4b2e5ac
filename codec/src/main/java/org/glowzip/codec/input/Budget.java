package org.glowzip.codec.input;

import java.io.InputStream;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.input.InputRejectedException.Reason;

/**
 * What the inputs opened through one {@link ImageInputs} have used of their {@link InputLimits}:
 * expanded bytes, images and samples. Each check refuses what would go over a limit before it is
 * read or allocated.
 */
final class Budget {
    private final InputLimits limits;
    private long expandedBytes;
    private long images;
    private long samples;

    Budget(InputLimits limits) {
        this.limits = limits;
    }

    InputLimits limits() {
        return limits;
    }

    /** {@code decompressed}, counting what comes out of it against the expansion limit. */
    InputStream expansion(InputStream decompressed, String name) {
        return new ExpansionCounter(decompressed, this, name);
    }

    void expanded(long bytes, String name) throws InputRejectedException {
        expandedBytes += bytes;
        if (expandedBytes > limits.maxExpandedBytes()) {
            throw new InputRejectedException(Reason.EXPANDED_BYTES, name + ": expands to more than " + limits.maxExpandedBytes()
                    + " bytes, the limit on decompressed input");
        }
    }

    /**
     * Refuses an image of {@code pixels} pixels, read from its header, if it is over the per-image
     * limit; the message is {@code refusal} followed by the limit ("... exceeds the limit of N pixels").
     */
    void checkPixels(long pixels, String refusal) throws InputRejectedException {
        if (pixels > limits.maxPixelsPerImage()) {
            throw new InputRejectedException(Reason.IMAGE_SIZE, refusal + " the limit of " + limits.maxPixelsPerImage() + " pixels");
        }
    }

    /** Refuses, before reading them, {@code count} more images of {@code samples} samples in all if they would go over a limit. */
    void expect(long count, long samplesOfAll, String name) throws InputRejectedException {
        if (count > limits.maxImages() - images) {
            throw new InputRejectedException(Reason.IMAGES, name + ": " + count + " images" + (images == 0 ? "" : " after " + images)
                    + " exceed the limit of " + limits.maxImages() + " images");
        }
        if (samplesOfAll > limits.maxSamples() - samples) {
            throw new InputRejectedException(Reason.SAMPLES, name + ": " + samplesOfAll + " samples" + (samples == 0 ? "" : " after " + samples)
                    + " exceed the limit of " + limits.maxSamples() + " samples");
        }
    }

    /** Counts an image that has been read. */
    void count(Image image, String name) throws InputRejectedException {
        expect(1, image.sampleCount(), name);
        images++;
        samples += image.sampleCount();
    }
}
