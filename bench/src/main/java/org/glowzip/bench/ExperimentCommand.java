package org.glowzip.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glowzip.model.experiments.Experiments;
import org.glowzip.model.flow.Glow;
import org.glowzip.model.flow.GlowFiles;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * One of the Glow paper's qualitative experiments ({@link Experiments}) on the float Glow of a
 * model file, written as one PNG into the output folder: the current directory unless {@code --out}.
 */
abstract class ExperimentCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Mixin
    ModelOption modelOption;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = ".",
            description = "Folder to write the PNG into, created if missing (default: the current directory).")
    Path out;

    /** The name of the PNG this experiment writes. */
    abstract String fileName();

    /** Runs the experiment on {@code glow} and writes its PNG to {@code png}. */
    abstract void write(Glow glow, Path png) throws IOException;

    /**
     * Reports how many pixels of {@code grid} the exact inverse left non-finite; the PNG shows the
     * clamped inverse ({@link org.glowzip.model.flow.Inversion#CLAMPED}), which is always finite.
     */
    static void reportNonFinite(String grid, long pixels) {
        System.out.println(grid + ": non-finite pixels before clamping: " + pixels);
    }

    /** Where the PNG goes. */
    final Path png() {
        return out.resolve(fileName());
    }

    @Override
    public final Integer call() throws Exception {
        Glow glow = GlowFiles.fromModelFile(modelOption.codec().model());
        Files.createDirectories(out);
        write(glow, png());
        System.out.println("wrote " + png());
        return 0;
    }
}
