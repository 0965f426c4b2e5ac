package org.glowzip.model.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.ModelFileReader;
import org.glowzip.codec.modelfile.ModelFileWriter;
import org.glowzip.codec.modelfile.NamedTensor;
import org.glowzip.model.flow.Dequantization;
import org.glowzip.model.flow.Glow;
import org.glowzip.model.flow.GlowFiles;

/**
 * Checkpoints under {@code <output>/checkpoints}: directory {@code step-<n>} holds
 * {@code model.gzm} (the model file) and {@code optimizer.gzm} (Adam's moments, same format), and
 * the file {@code latest} names the newest complete one; it is replaced atomically after both files
 * are written, so an interrupted save leaves the previous checkpoint in force. The two newest are kept.
 */
public final class Checkpoint {
    private static final String LATEST = "latest";
    private static final int KEEP = 2;

    private final Path directory;

    public Checkpoint(Path outputDirectory) throws IOException {
        this.directory = outputDirectory.resolve("checkpoints");
        Files.createDirectories(directory);
    }

    /** Saves the state after {@code step} completed steps. */
    public void save(Glow glow, Dequantization dequantization, Adam adam, long step) throws IOException {
        Path target = directory.resolve(String.format("step-%08d", step));
        Files.createDirectories(target);
        GlowFiles.save(glow, dequantization, target.resolve("model.gzm"));
        ModelFileWriter.write(target.resolve("optimizer.gzm"), glow.config(), GlowFiles.tensors(adam.state()));
        Path temporary = directory.resolve(LATEST + ".tmp");
        Files.writeString(temporary, target.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(temporary, directory.resolve(LATEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        prune();
    }

    private void prune() throws IOException {
        List<Path> all;
        try (Stream<Path> listing = Files.list(directory)) {
            all = listing.filter(p -> p.getFileName().toString().startsWith("step-")).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path old : all.subList(Math.min(KEEP, all.size()), all.size())) {
            try (Stream<Path> files = Files.list(old)) {
                files.forEach(file -> {
                    try {
                        Files.delete(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            Files.delete(old);
        }
    }

    /** The number of steps of the newest checkpoint, or -1 if there is none. */
    public long latestStep() throws IOException {
        Path latest = directory.resolve(LATEST);
        if (!Files.exists(latest)) {
            return -1;
        }
        return Long.parseLong(Files.readString(latest, StandardCharsets.UTF_8).trim().substring("step-".length()));
    }

    /**
     * Restores the newest checkpoint into {@code glow}, {@code dequantization} and {@code adam};
     * returns its step. A variational dequantization restored from a checkpoint of uniform noise
     * keeps its fresh (uniform) start and zero moments: training goes on from the uniform Glow.
     */
    public long restore(Glow glow, Dequantization dequantization, Adam adam) throws IOException {
        long step = latestStep();
        Path source = directory.resolve(String.format("step-%08d", step));
        ModelFile model = ModelFileReader.read(source.resolve("model.gzm"));
        if (!model.config().equals(glow.config())) {
            throw new IOException("checkpoint architecture " + model.config() + " differs from " + glow.config());
        }
        GlowFiles.assign(glow.parameters(), model.tensors());
        glow.afterLoad();
        Map<String, NamedTensor> moments = ModelFileReader.read(source.resolve("optimizer.gzm")).tensors();
        if (GlowLayout.hasDequantizer(model)) {
            GlowFiles.assign(dequantization.parameters(), model.tensors());
            GlowFiles.assign(adam.state(), moments);
        } else {
            GlowFiles.assign(adam.state().stream().filter(p -> moments.containsKey(p.name())).toList(), moments);
        }
        adam.setUpdates(step);
        return step;
    }
}
