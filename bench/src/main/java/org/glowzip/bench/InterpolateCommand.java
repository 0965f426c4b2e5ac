package org.glowzip.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.experiments.Experiments;
import org.glowzip.model.flow.Glow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glowzip interpolate}: test images 2i and 2i + 1 joined through their latents, one row per pair. */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
        description = "Write interpolation.png: test images joined through their latents at every level, one row per pair"
                + " (images 0 and 1, 2 and 3, ...).")
final class InterpolateCommand extends ExperimentCommand {
    @Mixin
    TestImagesOption testImages;

    @Option(names = "--pairs", paramLabel = "N", defaultValue = "4",
            description = "Rows: the first 2N images in pairs (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "9",
            description = "Images per row, both ends included (default: ${DEFAULT-VALUE}).")
    int steps;

    @Override
    String fileName() {
        return "interpolation.png";
    }

    @Override
    void write(Glow glow, Path png) throws IOException {
        ImageSet images = testImages.read(null);
        if (pairs < 1 || 2 * pairs > images.size() || steps < 1) {
            throw new IllegalArgumentException("--pairs " + pairs + " --steps " + steps + ": need 1 to " + images.size() / 2
                    + " pairs and at least 1 step");
        }
        reportNonFinite("interpolation", Experiments.interpolationStrip(glow, images, IntStream.range(0, pairs).map(i -> 2 * i).toArray(),
                IntStream.range(0, pairs).map(i -> 2 * i + 1).toArray(), steps, png));
    }
}
