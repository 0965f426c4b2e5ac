package org.glowzip.codec.modelfile;

import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A trained Glow model as stored on disk: the architecture and the named float32 tensors. Written by
 * {@link ModelFileWriter}, read by {@link ModelFileReader}; neither needs ND4J.
 *
 * <h2>Format, version 1</h2>
 * All integers are unsigned and big-endian; floats are IEEE-754 binary32, big-endian.
 * <pre>
 * offset  size  field
 *      0     8  magic: 89 47 5A 4D 4F 44 0D 0A ("\x89GZMOD\r\n", PNG-style: catches 7-bit
 *               and line-ending damage)
 *      8     2  format version = 1
 *     10     1  coupling type: 0 = affine, 1 = additive, 2 = mixture ({@link CouplingType#code()})
 *     11     1  levels L, 1..8
 *     12     2  steps of flow per level K, 1..4096
 *     14     4  hidden width of the coupling networks, 1..65536
 *     18     2  input channels C, 1..16
 *     20     4  input height H, 1..65536, a multiple of 2^L
 *     24     4  input width W, 1..65536, a multiple of 2^L
 *     28     4  tensor count T, 0..65536
 *     32        T tensor records, names in strictly ascending byte order (so a model has exactly
 *               one encoding and one fingerprint):
 *                 2      name length n, 1..255
 *                 n      name, ASCII characters from [A-Za-z0-9._-]
 *                 1      rank r, 1..8
 *                 4 * r  dimensions, each 1..2^31-1, product at most 2^31-1
 *                 4 * e  e = product of the dimensions finite floats, row-major
 *    F-32   32  SHA-256 of bytes [0, F-32), where F is the file size
 * </pre>
 * Nothing may follow the checksum. The checksum is the model's <em>fingerprint</em>: streams name
 * the model that coded them by it, and two files have the same fingerprint exactly when their
 * contents are the same.
 *
 * <p>The tensors of a Glow, their names, shapes and meaning, are those of {@link GlowLayout};
 * a file may hold more (the context model's {@code context.*}), and other tensor sets (a
 * trainer's optimizer state) use the same format.
 */
public final class ModelFile {
    /** Format version that this class reads and writes. */
    public static final int VERSION = 1;
    /** The first eight bytes of every model file. */
    static final byte[] MAGIC = {(byte) 0x89, 'G', 'Z', 'M', 'O', 'D', '\r', '\n'};
    /** Bytes before the first tensor record. */
    static final int HEADER_SIZE = 32;
    /** Bytes of the SHA-256 trailer. */
    static final int CHECKSUM_SIZE = 32;
    /** Most tensors in one file. */
    public static final int MAX_TENSORS = 65536;

    private final GlowConfig config;
    private final Map<String, NamedTensor> tensors;
    private final byte[] fingerprint;

    ModelFile(GlowConfig config, Map<String, NamedTensor> tensors, byte[] fingerprint) {
        this.config = config;
        this.tensors = Collections.unmodifiableMap(new TreeMap<>(tensors));
        this.fingerprint = fingerprint.clone();
    }

    public GlowConfig config() {
        return config;
    }

    /** The tensors by name, in ascending name order. */
    public Map<String, NamedTensor> tensors() {
        return tensors;
    }

    /** The tensor called {@code name}; {@link IllegalArgumentException} if there is none. */
    public NamedTensor tensor(String name) {
        NamedTensor tensor = tensors.get(Objects.requireNonNull(name, "name"));
        if (tensor == null) {
            throw new IllegalArgumentException("model has no tensor " + name);
        }
        return tensor;
    }

    /** The SHA-256 of the file's contents before its trailer (a copy, 32 bytes). */
    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    /** {@link #fingerprint()} as 64 lower-case hex digits. */
    public String fingerprintHex() {
        return HexFormat.of().formatHex(fingerprint);
    }

    /** Total number of float parameters over all tensors. */
    public long parameterCount() {
        long count = 0;
        for (NamedTensor tensor : tensors.values()) {
            count += tensor.size();
        }
        return count;
    }
}
