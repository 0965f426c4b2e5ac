package org.glowzip.bench;

import org.glowzip.codec.input.InputLimits;
import org.glowzip.codec.input.InputRejectedException;
import picocli.CommandLine.Option;

/** The options that set the {@link InputLimits} of what a command reads; sizes take K, M, G and T (binary) suffixes. */
final class InputLimitOptions {
    @Option(names = "--max-expanded-bytes", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Most bytes the inputs' gzip streams and zip entries may inflate to, together (default: ${DEFAULT-VALUE}).")
    long maxExpandedBytes = InputLimits.DEFAULTS.maxExpandedBytes();

    @Option(names = "--max-images", paramLabel = "N", converter = SizeConverter.class,
            description = "Most images of all inputs together (default: ${DEFAULT-VALUE}).")
    long maxImages = InputLimits.DEFAULTS.maxImages();

    @Option(names = "--max-samples", paramLabel = "N", converter = SizeConverter.class,
            description = "Most samples (width x height x channels) of all images together (default: ${DEFAULT-VALUE}).")
    long maxSamples = InputLimits.DEFAULTS.maxSamples();

    @Option(names = "--max-pixels", paramLabel = "N", converter = SizeConverter.class,
            description = "Most pixels (width x height) of one image, read from its header (default: ${DEFAULT-VALUE}).")
    long maxPixels = InputLimits.DEFAULTS.maxPixelsPerImage();

    InputLimits limits() {
        return new InputLimits(maxExpandedBytes, maxImages, maxSamples, maxPixels);
    }

    /** {@code e}, with the option that raises its limit if it is a limit's refusal. */
    static InputRejectedException explained(InputRejectedException e) {
        String option = switch (e.reason()) {
            case EXPANDED_BYTES -> "--max-expanded-bytes";
            case IMAGES -> "--max-images";
            case SAMPLES -> "--max-samples";
            case IMAGE_SIZE -> "--max-pixels";
            case UNSUPPORTED, UNDECODABLE, NO_IMAGES -> null;
        };
        return option == null ? e : new InputRejectedException(e.reason(), e.getMessage() + " (" + option + " raises it)", e);
    }
}
