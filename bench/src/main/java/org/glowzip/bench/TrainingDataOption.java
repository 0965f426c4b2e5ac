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

    /** The test split if {@code test}, else the training split; {@code channels} applies to image folders. */
    ImageSet split(boolean test, int channels) throws IOException {
        return DataDirectory.split(data, test, channels);
    }
}
