package org.glowzip.codec.modelfile;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Encodes a configuration and tensors in the {@link ModelFile} format. */
public final class ModelFileWriter {
    private ModelFileWriter() {
    }

    /**
     * The model file bytes for {@code config} and {@code tensors}; tensors are stored in ascending
     * name order whatever the order given. Duplicate names raise {@link IllegalArgumentException}.
     */
    public static byte[] toBytes(GlowConfig config, Collection<NamedTensor> tensors) {
        if (tensors.size() > ModelFile.MAX_TENSORS) {
            throw new IllegalArgumentException("more than " + ModelFile.MAX_TENSORS + " tensors");
        }
        Map<String, NamedTensor> sorted = sortedByName(tensors);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(ModelFile.MAGIC);
            out.writeShort(ModelFile.VERSION);
            out.writeByte(config.coupling().code());
            out.writeByte(config.levels());
            out.writeShort(config.steps());
            out.writeInt(config.hiddenWidth());
            out.writeShort(config.channels());
            out.writeInt(config.height());
            out.writeInt(config.width());
            out.writeInt(sorted.size());
            for (NamedTensor tensor : sorted.values()) {
                byte[] name = tensor.name().getBytes(StandardCharsets.US_ASCII);
                out.writeShort(name.length);
                out.write(name);
                int[] shape = tensor.shape();
                out.writeByte(shape.length);
                for (int dimension : shape) {
                    out.writeInt(dimension);
                }
                for (float value : tensor.data()) {
                    out.writeInt(Float.floatToRawIntBits(value));
                }
            }
            out.write(sha256(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The parsed model that {@link #toBytes} encodes, with its fingerprint. */
    public static ModelFile toModelFile(GlowConfig config, Collection<NamedTensor> tensors) {
        byte[] bytes = toBytes(config, tensors);
        byte[] fingerprint = Arrays.copyOfRange(bytes, bytes.length - ModelFile.CHECKSUM_SIZE, bytes.length);
        return new ModelFile(config, sortedByName(tensors), fingerprint);
    }

    /**
     * Writes the model file to {@code path} through a temporary file in the same directory and an
     * atomic rename, so a reader never sees half a file.
     */
    public static void write(Path path, GlowConfig config, Collection<NamedTensor> tensors) throws IOException {
        Path absolute = path.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.write(temporary, toBytes(config, tensors));
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, NamedTensor> sortedByName(Collection<NamedTensor> tensors) {
        Map<String, NamedTensor> sorted = new TreeMap<>();
        for (NamedTensor tensor : tensors) {
            if (sorted.put(tensor.name(), tensor) != null) {
                throw new IllegalArgumentException("duplicate tensor name " + tensor.name());
            }
        }
        return sorted;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
