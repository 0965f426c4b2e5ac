package org.glowzip.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.glowzip.model.data.IdxFiles;
import org.glowzip.model.data.ImageSet;
import picocli.CommandLine.Option;

/** The {@code --images} option of the float Glow's commands: test images, or the bundled Fashion-MNIST sample and its labels. */
final class TestImagesOption {
    /** The labels of the bundled sample ({@link DataOption#BUNDLED_SAMPLE}): the first 1,000 Fashion-MNIST test labels, IDX gzip. */
    static final String BUNDLED_LABELS = "/org/glowzip/bench/fashion-mnist-t10k-1000-labels-idx1-ubyte.gz";

    @Option(names = "--images", paramLabel = "IDX",
            description = "Test images, an IDX file (default: the bundled 1,000-image Fashion-MNIST test sample, with its labels).")
    Path images;

    /**
     * The images, labelled by the IDX file {@code labels}; when that is {@code null}, by the
     * bundled labels if the images are the bundled sample, else unlabelled (labels -1).
     */
    ImageSet read(Path labels) throws IOException {
        if (images == null) {
            return IdxFiles.read(BundledFiles.path(DataOption.BUNDLED_SAMPLE), labels == null ? BundledFiles.path(BUNDLED_LABELS) : labels);
        }
        return IdxFiles.read(images, labels);
    }
}
