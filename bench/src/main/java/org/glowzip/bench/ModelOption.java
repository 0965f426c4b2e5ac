package org.glowzip.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.ModelSet;
import picocli.CommandLine.Option;

/**
 * The {@code -m MODEL} option: a model file, or the bundled models (Fashion-MNIST, the default
 * where one model is needed, and the gray and RGB photo models).
 */
final class ModelOption {
    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "Model file (default: the bundled models; compress picks the one that codes each image shortest,"
                    + " decompress the one the file names; commands that need one model take Fashion-MNIST's).")
    Path model;

    /** The model file's codec, or the bundled Fashion-MNIST model's. */
    ImageCodec codec() throws IOException {
        return model == null ? ImageCodec.bundled() : ImageCodec.load(model);
    }

    /** The model file alone, named by its file name, or the bundled set. */
    ModelSet models() throws IOException {
        return model == null ? ModelSet.bundled() : ModelSet.named(Map.of(model.getFileName().toString(), ImageCodec.load(model)));
    }
}
