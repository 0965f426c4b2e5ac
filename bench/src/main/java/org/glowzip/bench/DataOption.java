package org.glowzip.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.glowzip.bench.io.InputFiles;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.input.ImageInputs;
import org.glowzip.codec.input.ImageSource;
import org.glowzip.codec.input.InputLimits;
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
