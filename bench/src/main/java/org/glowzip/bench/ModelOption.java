package org.glowzip.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.ModelSet;
import picocli.CommandLine.Option;

/**
 * The {@code -m MODEL} option: a model file, the name of a bundled model (fashion-mnist,
 * photo-gray, photo-rgb; a file of that name wins), or by default the bundled models
 * (Fashion-MNIST's where one model is needed).
 */
final class ModelOption {
    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "Model file or bundled model name (fashion-mnist, photo-gray, photo-rgb); default: the bundled models"
                    + " (compress picks the one that codes each image shortest, decompress the one the file names; commands that"
                    + " need one model take Fashion-MNIST's).")
    Path model;

    /** The named model's codec, or the bundled Fashion-MNIST model's. */
    ImageCodec codec() throws IOException {
        return model == null ? ImageCodec.bundled() : models().codecs().get(0);
    }

    /** The named model alone (a file named by its file name), or the bundled set. */
    ModelSet models() throws IOException {
        if (model == null) {
            return ModelSet.bundled();
        }
        if (!Files.exists(model) && ModelSet.BUNDLED_NAMES.contains(model.toString())) {
            ModelSet bundled = ModelSet.bundled();
            return ModelSet.named(List.of(model.toString()), List.of(bundled.codecs().get(bundled.names().indexOf(model.toString()))));
        }
        return ModelSet.named(List.of(model.getFileName().toString()), List.of(ImageCodec.load(model)));
    }
}
