package org.glowzip.model.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A data directory as the trainers take it: the IDX gzip files of {@link IdxFiles#readSplit}
 * ({@code train-images-idx3-ubyte.gz}, {@code t10k-images-idx3-ubyte.gz}, one channel) or the
 * sub-folders {@code train/} and {@code test/} of images of one size ({@link ImageSet#read}: PNG, PGM,
 * PPM, or anything else the codec's input layer reads; every file in them must hold images).
 */
public final class DataDirectory {
    private DataDirectory() {
    }

    /**
     * {@code count} random {@code size x size} patches ({@link Patches#random}) of the images of
     * any size in the sub-folder {@code test/} if {@code test}, else {@code train/}.
     */
    public static ImageSet patches(Path directory, boolean test, int channels, int size, int count, long seed) throws IOException {
        return Patches.random(directory.resolve(test ? "test" : "train"), channels, size, count, seed);
    }

    /** The test split if {@code test}, else the training split; {@code channels} applies to image folders. */
    public static ImageSet split(Path directory, boolean test, int channels) throws IOException {
        if (Files.exists(directory.resolve("train-images-idx3-ubyte.gz"))) {
            return IdxFiles.readSplit(directory, test);
        }
        return ImageSet.read(directory.resolve(test ? "test" : "train"), channels);
    }
}
