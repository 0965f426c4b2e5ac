package org.glowzip.model.flow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.ModelFileReader;
import org.glowzip.codec.modelfile.ModelFileWriter;
import org.glowzip.codec.modelfile.NamedTensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Converts between an ND4J {@link Glow} and the codec's {@link ModelFile} format. */
public final class GlowFiles {
    private GlowFiles() {
    }

    /** The parameters of {@code glow} as float32 tensors. */
    public static List<NamedTensor> tensors(Glow glow) {
        return tensors(glow.parameters());
    }

    /** {@code parameters} as float32 tensors, in the given order. */
    public static List<NamedTensor> tensors(List<Parameter> parameters) {
        List<NamedTensor> tensors = new ArrayList<>();
        for (Parameter parameter : parameters) {
            tensors.add(toTensor(parameter.name(), parameter.value()));
        }
        return tensors;
    }

    /** {@code value} as a float32 tensor called {@code name}. */
    public static NamedTensor toTensor(String name, INDArray value) {
        INDArray floats = value.castTo(DataType.FLOAT).dup('c');
        int[] shape = Arrays.stream(floats.shape()).mapToInt(Math::toIntExact).toArray();
        return new NamedTensor(name, shape, floats.data().asFloat());
    }

    /** Writes {@code glow} and, where it has parameters, its {@code dequantization} as a model file. */
    public static void save(Glow glow, Dequantization dequantization, Path path) throws IOException {
        List<NamedTensor> tensors = tensors(glow);
        tensors.addAll(tensors(dequantization.parameters()));
        ModelFileWriter.write(path, glow.config(), tensors);
    }

    /** Reads a model file into a new float32 {@link Glow}. */
    public static Glow load(Path path) throws IOException {
        return fromModelFile(ModelFileReader.read(path));
    }

    /** A float32 {@link Glow} with the architecture and values of {@code file}. */
    public static Glow fromModelFile(ModelFile file) throws MalformedStreamException {
        String problem = new GlowLayout(file.config()).problem(file);
        if (problem != null) {
            throw new MalformedStreamException(0, problem);
        }
        Glow glow = new Glow(file.config(), GlowFeatures.of(file), DataType.FLOAT, 0);
        assign(glow.parameters(), file.tensors());
        glow.afterLoad();
        return glow;
    }

    /**
     * The dequantization that {@code file}'s Glow was trained with: its variational posterior where
     * the file holds one ({@link GlowLayout#hasDequantizer}), uniform noise otherwise.
     */
    public static Dequantization dequantizationOf(ModelFile file) throws MalformedStreamException {
        if (!GlowLayout.hasDequantizer(file)) {
            return UniformDequantization.INSTANCE;
        }
        VariationalDequantization dequantization = new VariationalDequantization(file.config().channels(),
                file.config().hiddenWidth(), GlowLayout.hasCheckerboardDequantizer(file), DataType.FLOAT, new Random(0));
        assign(dequantization.parameters(), file.tensors());
        return dequantization;
    }

    /**
     * Copies every tensor named like a parameter into it. A missing tensor or a shape that does not
     * match the architecture means the file does not describe this flow.
     */
    public static void assign(List<Parameter> parameters, Map<String, NamedTensor> tensors)
            throws MalformedStreamException {
        for (Parameter parameter : parameters) {
            NamedTensor tensor = tensors.get(parameter.name());
            if (tensor == null) {
                throw new MalformedStreamException(0, "model file has no tensor " + parameter.name());
            }
            long[] expected = parameter.value().shape();
            long[] actual = Arrays.stream(tensor.shape()).asLongStream().toArray();
            if (!Arrays.equals(expected, actual)) {
                throw new MalformedStreamException(0, "tensor " + parameter.name() + " has shape "
                        + Arrays.toString(actual) + ", the architecture needs " + Arrays.toString(expected));
            }
            INDArray values = Nd4j.create(tensor.data(), expected, DataType.FLOAT);
            parameter.value().assign(values.castTo(parameter.value().dataType()));
        }
    }
}
