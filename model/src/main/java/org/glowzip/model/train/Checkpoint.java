package org.glowzip.model.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.ModelFileReader;
import org.glowzip.codec.modelfile.PriorPhases;
import org.glowzip.codec.modelfile.ModelFileWriter;
import org.glowzip.codec.modelfile.NamedTensor;
import org.glowzip.model.flow.Dequantization;
import org.glowzip.model.flow.VariationalDequantization;
import org.glowzip.model.flow.Glow;
import org.glowzip.model.flow.GlowFiles;
import org.glowzip.model.flow.Parameter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Checkpoints under {@code <output>/checkpoints}: directory {@code step-<n>} holds
 * {@code model.gzm} (the model file), {@code optimizer.gzm} (Adam's moments, same format) and,
 * where the run averages its parameters, {@code average.gzm} (the model file of the
 * {@link ParameterAverage}, the one to ship); the file {@code latest} names the newest complete
 * one. It is replaced atomically after the files are written, so an interrupted save leaves the
 * previous checkpoint in force. The two newest are kept.
 */
public final class Checkpoint {
    private static final String LATEST = "latest";
    private static final String AVERAGE = "average.gzm";
    private static final int KEEP = 2;

    private final Path directory;

    public Checkpoint(Path outputDirectory) throws IOException {
        this.directory = outputDirectory.resolve("checkpoints");
        Files.createDirectories(directory);
    }

    /** Saves the state after {@code step} completed steps. */
    public void save(Glow glow, Dequantization dequantization, Adam adam, ParameterAverage average, long step) throws IOException {
        Path target = directory.resolve(String.format("step-%08d", step));
        Files.createDirectories(target);
        GlowFiles.save(glow, dequantization, target.resolve("model.gzm"));
        ModelFileWriter.write(target.resolve("optimizer.gzm"), glow.config(), GlowFiles.tensors(adam.state()));
        if (average.active()) {
            average.swap();
            GlowFiles.save(glow, dequantization, target.resolve(AVERAGE));
            average.swap();
        }
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
     * A mixture Glow restored from an affine checkpoint of the same architecture takes each
     * coupling's shift and scale outputs (and their moments) into the leading rows of its wider
     * last convolution; the mixture's own outputs keep their fresh start, a curve near the
     * identity, and zero moments: training goes on from the affine Glow. A conditioned Glow
     * restored from a checkpoint without a condition keeps its conditions' zero start and zero
     * moments: training goes on from the unconditioned Glow; so does a Glow whose priors code in more
     * phases than the checkpoint's, from the Glow with fewer (its new contexts start at zero). A checkerboard posterior restored from
     * a checkpoint of a single-network posterior starts its second network as a copy of the first
     * ({@link VariationalDequantization#secondFromFirst}), with zero moments. Either way, the restored
     * state says that some parameters are new to the checkpoint. The {@code average} goes on from
     * the checkpoint's where it has one of the same parameters, and starts again from the restored
     * values otherwise.
     */
    public Restored restore(Glow glow, Dequantization dequantization, Adam adam, ParameterAverage average) throws IOException {
        long step = latestStep();
        Path source = directory.resolve(String.format("step-%08d", step));
        ModelFile model = ModelFileReader.read(source.resolve("model.gzm"));
        boolean widening = widensToMixture(model.config(), glow.config());
        if (!model.config().equals(glow.config()) && !widening) {
            throw new IOException("checkpoint architecture " + model.config() + " differs from " + glow.config());
        }
        boolean conditioned = GlowLayout.hasCondition(model);
        if (conditioned && !glow.conditioned()) {
            throw new IOException("the checkpoint's Glow is conditioned on its tiles' borders, this run's is not");
        }
        PriorPhases checkpointPhases = GlowLayout.priorPhases(model);
        PriorPhases runPhases = glow.features().priorPhases();
        if (!runPhases.contexts().containsAll(checkpointPhases.contexts())) {
            throw new IOException("the checkpoint's priors code in phases " + checkpointPhases + ", which this run's ("
                    + runPhases + ") cannot go on from");
        }
        boolean takesOnCondition = glow.conditioned() && !conditioned;
        boolean takesOnContext = runPhases != checkpointPhases;
        boolean takesOn = takesOnCondition || takesOnContext;
        Assignment assignment = widening ? Checkpoint::assignLeadingRows : GlowFiles::assign;
        assignment.assign(glow.parameters().stream().filter(p -> model.tensors().containsKey(p.name()) || !takesOn).toList(),
                model.tensors());
        glow.afterLoad();
        Map<String, NamedTensor> moments = ModelFileReader.read(source.resolve("optimizer.gzm")).tensors();
        boolean withDequantizer = GlowLayout.hasDequantizer(model);
        boolean takesOnCheckerboard = withDequantizer && !GlowLayout.hasCheckerboardDequantizer(model)
                && dequantization instanceof VariationalDequantization variational && variational.checkerboard();
        if (withDequantizer) {
            restoreDequantization(dequantization, model.tensors(), takesOnCheckerboard);
        }
        assignment.assign(adam.state().stream().filter(p -> moments.containsKey(p.name())).toList(), moments);
        adam.setUpdates(step);
        Restored restored = new Restored(step, widening || takesOn || takesOnCheckerboard
                || (!withDequantizer && !dequantization.parameters().isEmpty()));
        average.restart();
        if (average.active() && !restored.newParameters() && Files.exists(source.resolve(AVERAGE))) {
            Map<String, NamedTensor> averaged = ModelFileReader.read(source.resolve(AVERAGE)).tensors();
            average.swap();
            GlowFiles.assign(glow.parameters(), averaged);
            GlowFiles.assign(dequantization.parameters(), averaged);
            average.swap();
        }
        return restored;
    }

    /**
     * The checkpoint's posterior into {@code dequantization}; where it {@code takesOnCheckerboard},
     * the checkpoint holds the first network only, and the second starts as its copy.
     */
    private static void restoreDequantization(Dequantization dequantization, Map<String, NamedTensor> tensors, boolean takesOnCheckerboard)
            throws IOException {
        GlowFiles.assign(dequantization.parameters().stream().filter(p -> tensors.containsKey(p.name()) || !takesOnCheckerboard).toList(),
                tensors);
        if (takesOnCheckerboard) {
            ((VariationalDequantization) dequantization).secondFromFirst();
        }
    }

    /**
     * A restored checkpoint: its step, and whether the flow has parameters (or rows of them) that
     * the checkpoint held no optimizer state for, which start from fresh values and zero moments.
     */
    public record Restored(long step, boolean newParameters) {
    }

    /** Whether {@code to} is {@code from} with mixture couplings where {@code from} has affine ones. */
    private static boolean widensToMixture(GlowConfig from, GlowConfig to) {
        return from.coupling() == CouplingType.AFFINE && to.coupling() == CouplingType.MIXTURE
                && new GlowConfig(from.levels(), from.steps(), from.hiddenWidth(), CouplingType.MIXTURE, from.channels(),
                        from.height(), from.width()).equals(to);
    }

    /**
     * Copies each tensor into its parameter, into the leading rows (first dimension) where the
     * parameter has more rows; the other dimensions must match.
     */
    private static void assignLeadingRows(List<Parameter> parameters, Map<String, NamedTensor> tensors)
            throws MalformedStreamException {
        for (Parameter parameter : parameters) {
            NamedTensor tensor = tensors.get(parameter.name());
            long[] target = parameter.value().shape();
            long[] source = tensor == null ? null : Arrays.stream(tensor.shape()).asLongStream().toArray();
            if (source == null || source.length != target.length || source[0] > target[0]
                    || !Arrays.equals(source, 1, source.length, target, 1, target.length)) {
                throw new MalformedStreamException(0, "checkpoint tensor " + parameter.name() + " does not fit the rows of "
                        + Arrays.toString(target));
            }
            INDArray rows = parameter.value().get(NDArrayIndex.interval(0, source[0]));
            rows.assign(Nd4j.create(tensor.data(), source, DataType.FLOAT).castTo(rows.dataType()));
        }
    }

    /** Copies tensors into parameters, the plain way or the widening one. */
    @FunctionalInterface
    private interface Assignment {
        void assign(List<Parameter> parameters, Map<String, NamedTensor> tensors) throws MalformedStreamException;
    }
}
