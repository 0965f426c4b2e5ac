package org.glowzip.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.glowzip.codec.ImageCodec;
import picocli.CommandLine.Option;

/** The {@code -m MODEL} option: a model file, or the bundled Fashion-MNIST model. */
final class ModelOption {
    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = "Model file (default: the bundled Fashion-MNIST model).")
    Path model;

    ImageCodec codec() throws IOException {
        return model == null ? ImageCodec.bundled() : ImageCodec.load(model);
    }
}
