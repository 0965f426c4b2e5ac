package org.glowzip.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.glowzip.model.data.DataDirectory;
import org.glowzip.model.data.ImageSet;
import picocli.CommandLine.Option;

/** The {@code --data} option of the trainers: a folder with a training and a test split ({@link DataDirectory}). */
final class TrainingDataOption {
    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "Data folder: the IDX files train-images-idx3-ubyte.gz and t10k-images-idx3-ubyte.gz (as Fashion-MNIST's),"
                    + " or the folders train/ and test/ of PNG/PGM images.")
    Path data;

    @Option(names = "--patch-size", paramLabel = "P",
            description = "Train and test on random PxP patches of the images (of any size) in DIR/train and DIR/test, as for photos.")
    Integer patchSize;

    @Option(names = "--patches", paramLabel = "N", defaultValue = "50000",
            description = "With --patch-size: training patches (default: ${DEFAULT-VALUE}).")
    int patches;

    @Option(names = "--test-patches", paramLabel = "N", defaultValue = "2000",
            description = "With --patch-size: test patches (default: ${DEFAULT-VALUE}).")
    int testPatches;

    /** The seed of the training patches; the test patches take the next one. */
    private static final long PATCH_SEED = 1;

    /** The test split if {@code test}, else the training split; {@code channels} applies to image folders. */
    ImageSet split(boolean test, int channels) throws IOException {
        return split(test, channels, false);
    }

    /**
     * {@link #split(boolean, int)}, with patches one sample larger each way where {@code bordered}:
     * the tiles of a Glow conditioned on their borders, and their borders ({@code --patch-size} needed).
     */
    ImageSet split(boolean test, int channels, boolean bordered) throws IOException {
        if (patchSize != null) {
            int size = patchSize + (bordered ? 1 : 0);
            return DataDirectory.patches(data, test, channels, size, test ? testPatches : patches, PATCH_SEED + (test ? 1 : 0));
        }
        if (bordered) {
            throw new IllegalArgumentException("a Glow conditioned on its tiles' borders trains on patches: give --patch-size");
        }
        return DataDirectory.split(data, test, channels);
    }
}
