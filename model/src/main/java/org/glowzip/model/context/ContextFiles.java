package org.glowzip.model.context;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.glowzip.codec.context.ContextFeatures;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.context.ResidualFeatures;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.ModelFileWriter;
import org.glowzip.codec.modelfile.NamedTensor;

/** Adds a context model to a model file: every other tensor and the configuration stay as they are. */
public final class ContextFiles {
    private ContextFiles() {
    }

    /**
     * The tensors of {@code model} whose names do not start with {@link ContextModel#PREFIX},
     * unchanged, followed by {@code context} (which replaces any context model {@code model} had).
     */
    public static List<NamedTensor> withContext(ModelFile model, List<NamedTensor> context) {
        List<NamedTensor> tensors = new ArrayList<>();
        for (NamedTensor tensor : model.tensors().values()) {
            if (!tensor.name().startsWith(ContextModel.PREFIX)) {
                tensors.add(tensor);
            }
        }
        tensors.addAll(context);
        return tensors;
    }

    /** The context tensors of {@code model} (empty when it has no context model). */
    public static List<NamedTensor> contextOf(ModelFile model) {
        return model.tensors().values().stream().filter(tensor -> tensor.name().startsWith(ContextModel.PREFIX)).toList();
    }

    /**
     * The tensors of a context model with {@code network} on {@code features}: the network's,
     * and for {@link ResidualFeatures} the tensor that marks them.
     */
    public static List<NamedTensor> contextTensors(ContextNetwork network, ContextFeatures features) {
        List<NamedTensor> tensors = new ArrayList<>(network.tensors());
        if (features instanceof ResidualFeatures) {
            tensors.add(new NamedTensor(ResidualFeatures.TENSOR, new int[] {1}, new float[] {features.radius()}));
        }
        return tensors;
    }

    /** Writes {@code model} with {@code context} as its context model to {@code path}. */
    public static void write(Path path, ModelFile model, List<NamedTensor> context) throws IOException {
        ModelFileWriter.write(path, model.config(), withContext(model, context));
    }
}
