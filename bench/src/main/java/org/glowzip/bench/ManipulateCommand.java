package org.glowzip.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.experiments.Experiments;
import org.glowzip.model.flow.Glow;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code glowzip manipulate}: test images moved along a label's direction in latent space (the
 * mean latent of the images with the label minus that of the others), at strengths -0.5 to 1.
 */
@Command(name = "manipulate", mixinStandardHelpOptions = true,
        description = "Write manipulation.png: the first test images moved along a label's latent direction, at strengths -0.5 to 1.")
final class ManipulateCommand extends ExperimentCommand {
    private static final int BATCH = 100;
    private static final double[] STRENGTHS = {-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1};

    @Mixin
    TestImagesOption testImages;

    @Option(names = "--labels", paramLabel = "IDX",
            description = "Labels of the images, an IDX file (default: the bundled sample's; needed with --images).")
    Path labels;

    @Option(names = "--label", paramLabel = "L", defaultValue = "1",
            description = "The label whose direction to follow; Fashion-MNIST's 1 is trouser (default: ${DEFAULT-VALUE}).")
    int label;

    @Option(names = "--direction-images", paramLabel = "N", defaultValue = "2000",
            description = "The label's direction is averaged over the first N images (default: ${DEFAULT-VALUE}).")
    int directionImages;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "6", description = "Rows: the first N images (default: ${DEFAULT-VALUE}).")
    int rows;

    @Override
    String fileName() {
        return "manipulation.png";
    }

    @Override
    void write(Glow glow, Path png) throws IOException {
        ImageSet images = testImages.read(labels);
        if (images.label(0) < 0) {
            throw new IllegalArgumentException("manipulate needs the images' labels: pass --labels with --images");
        }
        if (rows < 1 || rows > images.size()) {
            throw new IllegalArgumentException("--rows " + rows + ": need 1 to " + images.size());
        }
        List<INDArray> direction = Experiments.labelDirection(glow, images, label, directionImages, BATCH);
        reportNonFinite("manipulation", Experiments.manipulation(glow, images, IntStream.range(0, rows).toArray(), direction, STRENGTHS, png));
    }
}
