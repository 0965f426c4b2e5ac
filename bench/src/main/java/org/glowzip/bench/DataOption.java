package org.glowzip.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.glowzip.bench.compare.BenchImage;
import org.glowzip.bench.io.InputFiles;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.input.ImageInputs;
import org.glowzip.codec.input.ImageSource;
import org.glowzip.codec.input.InputLimits;
import org.glowzip.codec.input.InputRejectedException;
import picocli.CommandLine.Option;

/** The {@code --data} option: images to measure on, or the bundled Fashion-MNIST sample. */
final class DataOption {
    /** The bundled sample: the first 1,000 Fashion-MNIST test images, IDX gzip. */
    static final String BUNDLED_SAMPLE = "/org/glowzip/bench/fashion-mnist-t10k-1000-images-idx3-ubyte.gz";

    @Option(names = "--data", paramLabel = "IDX_OR_DIR",
            description = "Images: IDX file, directory, archive or image files (default: the bundled 1,000-image Fashion-MNIST sample).")
    Path data;

    List<Image> images() throws IOException {
        return images(data);
    }

    /** What the images are, for titles. */
    String describe() {
        return describe(data);
    }

    /** The images of {@code data}, or of the bundled sample when it is {@code null}, read within the default {@link InputLimits}. */
    static List<Image> images(Path data) throws IOException {
        ImageInputs inputs = new ImageInputs(InputLimits.DEFAULTS);
        if (data != null) {
            InputFiles.check(data.toString(), true);
        }
        try (ImageSource source = data == null ? inputs.open(bundledSample(), "fashion-mnist-sample") : inputs.open(data)) {
            return source.readAll();
        }
    }

    /**
     * The images of {@link #images()}, in the same order, each named by its file (relative to the
     * directory given), {@code #k} added for the k-th image of a file that holds several; a PNG file
     * that holds one image is kept as the image's file. The bundled sample's images are
     * {@code fashion-mnist-sample#k}.
     */
    List<BenchImage> benchImages() throws IOException {
        if (data == null) {
            return named("fashion-mnist-sample", images(null), null);
        }
        InputFiles.check(data.toString(), true);
        ImageInputs inputs = new ImageInputs(InputLimits.DEFAULTS);
        if (!Files.isDirectory(data)) {
            return named(data.getFileName().toString(), readAll(inputs, data), data);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) { // as ImageInputs lists a directory: regular files, not hidden, in path order
            files = walk.filter(file -> Files.isRegularFile(file) && !hidden(data.relativize(file))).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new InputRejectedException(InputRejectedException.Reason.NO_IMAGES, data + ": a directory without files");
        }
        List<BenchImage> images = new ArrayList<>();
        for (Path file : files) {
            images.addAll(named(data.relativize(file).toString(), readAll(inputs, file), file));
        }
        return images;
    }

    private static List<Image> readAll(ImageInputs inputs, Path file) throws IOException {
        try (ImageSource source = inputs.open(file)) {
            return source.readAll();
        }
    }

    /** The images of a file called {@code name}: {@code file} is kept as the image's PNG file when it is one and holds one image. */
    private static List<BenchImage> named(String name, List<Image> images, Path file) throws IOException {
        if (images.size() == 1) {
            return List.of(new BenchImage(name, images.get(0), file != null && isPng(file) ? file : null));
        }
        List<BenchImage> named = new ArrayList<>(images.size());
        for (int k = 0; k < images.size(); k++) {
            named.add(new BenchImage(name + "#" + (k + 1), images.get(k), null));
        }
        return named;
    }

    private static boolean isPng(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ImageFormat.detect(in.readNBytes(8)) == ImageFormat.PNG;
        }
    }

    private static boolean hidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static InputStream bundledSample() {
        InputStream sample = DataOption.class.getResourceAsStream(BUNDLED_SAMPLE);
        if (sample == null) {
            throw new IllegalStateException("this build has no bundled sample; pass --data");
        }
        return sample;
    }

    /** What {@code data} is, for titles. */
    static String describe(Path data) {
        return data == null ? "bundled Fashion-MNIST sample" : data.getFileName().toString();
    }
}
