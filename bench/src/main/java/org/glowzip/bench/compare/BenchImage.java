package org.glowzip.bench.compare;

import java.nio.file.Path;
import java.util.Objects;
import org.glowzip.codec.image.Image;

/**
 * An image to measure on, named for the per-image table.
 *
 * @param name the file it came from, relative to the folder given; {@code #k} added for the k-th
 *        image of a file that holds several
 * @param pngFile the PNG file on disk that holds this image alone, or {@code null}: what the
 *        user had before any compressor ran
 */
public record BenchImage(String name, Image image, Path pngFile) {
    public BenchImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
    }
}
