package org.glowzip.codec.modelfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glowzip.codec.MalformedStreamException;

/**
 * Parses and verifies the {@link ModelFile} format. Every count and size is checked against its
 * range and against the bytes that remain before anything is allocated, so a corrupt, truncated or
 * foreign file raises {@link MalformedStreamException} (with the offset and the reason) and never
 * exhausts memory. The SHA-256 trailer is verified last.
 */
public final class ModelFileReader {
    /** Largest model file accepted, in bytes. */
    public static final long MAX_FILE_SIZE = 1L << 30;

    private final byte[] bytes;
    private final int end;
    private int position;

    private ModelFileReader(byte[] bytes) {
        this.bytes = bytes;
        this.end = bytes.length - ModelFile.CHECKSUM_SIZE;
    }

    /** Reads the model file at {@code path}. */
    public static ModelFile read(Path path) throws IOException {
        long size = Files.size(path);
        if (size > MAX_FILE_SIZE) {
            throw new MalformedStreamException(0, "file size " + size + " exceeds the limit of " + MAX_FILE_SIZE);
        }
        return read(Files.readAllBytes(path));
    }

    /** Parses a whole model file held in {@code bytes}. */
    public static ModelFile read(byte[] bytes) throws MalformedStreamException {
        if (bytes.length < ModelFile.HEADER_SIZE + ModelFile.CHECKSUM_SIZE) {
            checkMagic(bytes);
            throw new MalformedStreamException(bytes.length, "file of " + bytes.length
                    + " bytes is shorter than header and checksum (" + (ModelFile.HEADER_SIZE + ModelFile.CHECKSUM_SIZE) + ")");
        }
        return new ModelFileReader(bytes).parse();
    }

    private static void checkMagic(byte[] bytes) throws MalformedStreamException {
        int length = Math.min(bytes.length, ModelFile.MAGIC.length);
        for (int i = 0; i < length; i++) {
            if (bytes[i] != ModelFile.MAGIC[i]) {
                throw new MalformedStreamException(i, "not a glowzip model file (bad magic)");
            }
        }
    }

    private ModelFile parse() throws MalformedStreamException {
        checkMagic(bytes);
        position = ModelFile.MAGIC.length;
        int version = unsigned16();
        if (version != ModelFile.VERSION) {
            throw new MalformedStreamException(position - 2,
                    "unsupported model file version " + version + " (this reader knows " + ModelFile.VERSION + ")");
        }
        int couplingCode = unsigned8();
        CouplingType coupling = CouplingType.fromCode(couplingCode);
        if (coupling == null) {
            throw new MalformedStreamException(position - 1, "unknown coupling type " + couplingCode);
        }
        int levels = unsigned8();
        int steps = unsigned16();
        int hiddenWidth = signed32("hidden width");
        int channels = unsigned16();
        int height = signed32("height");
        int width = signed32("width");
        String problem = GlowConfig.problem(levels, steps, hiddenWidth, channels, height, width);
        if (problem != null) {
            throw new MalformedStreamException(10, "bad architecture: " + problem);
        }
        GlowConfig config = new GlowConfig(levels, steps, hiddenWidth, coupling, channels, height, width);
        int count = signed32("tensor count");
        if (count > ModelFile.MAX_TENSORS) {
            throw new MalformedStreamException(position - 4,
                    "tensor count " + count + " exceeds " + ModelFile.MAX_TENSORS);
        }
        Map<String, NamedTensor> tensors = new LinkedHashMap<>();
        String previous = null;
        for (int i = 0; i < count; i++) {
            NamedTensor tensor = tensor(previous);
            tensors.put(tensor.name(), tensor);
            previous = tensor.name();
        }
        if (position != end) {
            throw new MalformedStreamException(position,
                    (end - position) + " unexpected bytes between the last tensor and the checksum");
        }
        byte[] expected = Arrays.copyOfRange(bytes, end, bytes.length);
        byte[] actual = ModelFileWriter.sha256(Arrays.copyOf(bytes, end));
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new MalformedStreamException(end, "SHA-256 checksum mismatch: the file is damaged");
        }
        return new ModelFile(config, tensors, expected);
    }

    private NamedTensor tensor(String previous) throws MalformedStreamException {
        long start = position;
        int nameLength = unsigned16();
        if (nameLength < 1 || nameLength > NamedTensor.MAX_NAME_LENGTH) {
            throw new MalformedStreamException(start,
                    "tensor name length " + nameLength + " outside [1, " + NamedTensor.MAX_NAME_LENGTH + "]");
        }
        require(nameLength, "tensor name");
        String name = new String(bytes, position, nameLength, StandardCharsets.ISO_8859_1);
        String nameProblem = NamedTensor.nameProblem(name);
        if (nameProblem != null) {
            throw new MalformedStreamException(position, nameProblem);
        }
        if (previous != null && name.compareTo(previous) <= 0) {
            throw new MalformedStreamException(position,
                    "tensor " + name + " does not follow " + previous + " in ascending order");
        }
        position += nameLength;
        int rank = unsigned8();
        if (rank < 1 || rank > NamedTensor.MAX_RANK) {
            throw new MalformedStreamException(position - 1,
                    "rank " + rank + " of tensor " + name + " outside [1, " + NamedTensor.MAX_RANK + "]");
        }
        int[] shape = new int[rank];
        long elements = 1;
        for (int d = 0; d < rank; d++) {
            shape[d] = signed32("dimension of tensor " + name);
            if (shape[d] < 1) {
                throw new MalformedStreamException(position - 4, "dimension 0 of tensor " + name);
            }
            elements *= shape[d];
            if (elements > Integer.MAX_VALUE) {
                throw new MalformedStreamException(position - 4, "tensor " + name + " has more than 2^31-1 elements");
            }
        }
        long dataStart = position;
        if (elements * Float.BYTES > end - position) {
            throw new MalformedStreamException(position, "tensor " + name + " needs " + elements * Float.BYTES
                    + " bytes but only " + (end - position) + " remain before the checksum");
        }
        float[] data = new float[(int) elements];
        for (int i = 0; i < data.length; i++) {
            data[i] = Float.intBitsToFloat(rawInt());
            if (!Float.isFinite(data[i])) {
                throw new MalformedStreamException(dataStart + 4L * i,
                        "element " + i + " of tensor " + name + " is not finite");
            }
        }
        return new NamedTensor(name, shape, data);
    }

    private void require(int count, String what) throws MalformedStreamException {
        if (count > end - position) {
            throw new MalformedStreamException(position,
                    what + " needs " + count + " bytes but only " + Math.max(0, end - position) + " remain before the checksum");
        }
    }

    private int unsigned8() throws MalformedStreamException {
        require(1, "header field");
        return bytes[position++] & 0xFF;
    }

    private int unsigned16() throws MalformedStreamException {
        require(2, "16-bit field");
        int value = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    private int rawInt() {
        int value = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
                | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    /** A 32-bit field that must lie in [0, 2^31). */
    private int signed32(String what) throws MalformedStreamException {
        require(4, what);
        int value = rawInt();
        if (value < 0) {
            throw new MalformedStreamException(position - 4, what + " " + Integer.toUnsignedString(value) + " exceeds 2^31-1");
        }
        return value;
    }
}
