package org.glowzip.codec.modelfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.glowzip.codec.MalformedStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    private static final GlowConfig SMALL = new GlowConfig(2, 3, 16, CouplingType.AFFINE, 1, 28, 28);

    @Provide
    Arbitrary<GlowConfig> configs() {
        Arbitrary<Integer> levels = Arbitraries.integers().between(1, 4);
        return Combinators.combine(levels, Arbitraries.integers().between(1, 64),
                        Arbitraries.integers().between(1, 512), Arbitraries.of(CouplingType.class),
                        Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 8),
                        Arbitraries.integers().between(1, 8))
                .as((l, k, hidden, coupling, c, hm, wm) -> new GlowConfig(l, k, hidden, coupling, c, hm << l, wm << l));
    }

    private static List<NamedTensor> randomTensors(long seed, int count) {
        Random random = new Random(seed);
        List<NamedTensor> tensors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] shape = new int[1 + random.nextInt(4)];
            int size = 1;
            for (int d = 0; d < shape.length; d++) {
                shape[d] = 1 + random.nextInt(4);
                size *= shape[d];
            }
            float[] data = new float[size];
            for (int j = 0; j < size; j++) {
                data[j] = random.nextBoolean() ? (float) random.nextGaussian() : Float.intBitsToFloat(random.nextInt() & 0x7F7FFFFF);
            }
            tensors.add(new NamedTensor("t" + random.nextInt(1000) + "." + i, shape, data));
        }
        return tensors;
    }

    @Property(tries = 200)
    void roundTripIsExact(@ForAll("configs") GlowConfig config, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 12) int count) throws Exception {
        List<NamedTensor> tensors = randomTensors(seed, count);
        byte[] bytes = ModelFileWriter.toBytes(config, tensors);
        ModelFile model = ModelFileReader.read(bytes);
        assertEquals(config, model.config());
        assertEquals(count, model.tensors().size());
        for (NamedTensor tensor : tensors) {
            assertEquals(tensor, model.tensor(tensor.name()));
        }
        assertArrayEquals(ModelFileWriter.sha256(Arrays.copyOf(bytes, bytes.length - 32)), model.fingerprint());
        assertArrayEquals(bytes, ModelFileWriter.toBytes(model.config(), model.tensors().values()),
                "one model has one encoding");
    }

    @Property(tries = 300)
    void everyTruncationIsRejectedWithOffsetAndReason(@ForAll long seed, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        byte[] bytes = ModelFileWriter.toBytes(SMALL, randomTensors(seed, 5));
        int length = cut % bytes.length;
        MalformedStreamException e = assertThrows(MalformedStreamException.class,
                () -> ModelFileReader.read(Arrays.copyOf(bytes, length)));
        assertWellFormed(e, length);
    }

    @Property(tries = 300)
    void everyFlippedByteIsRejected(@ForAll long seed, @ForAll @IntRange(min = 0, max = 100_000) int where,
            @ForAll @IntRange(min = 1, max = 255) int mask) {
        byte[] bytes = ModelFileWriter.toBytes(SMALL, randomTensors(seed, 5));
        int index = where % bytes.length;
        bytes[index] ^= (byte) mask;
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> ModelFileReader.read(bytes));
        assertWellFormed(e, bytes.length);
    }

    @Property(tries = 200)
    void randomBytesAreRejected(@ForAll byte[] junk) {
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> ModelFileReader.read(junk));
        assertWellFormed(e, junk.length);
    }

    private static void assertWellFormed(MalformedStreamException e, long length) {
        assertTrue(e.offset() >= 0 && e.offset() <= length, "offset " + e.offset() + " within the input");
        assertTrue(e.getMessage().startsWith("malformed input at byte " + e.offset() + ": "), e.getMessage());
        assertTrue(!e.reason().isBlank());
    }

    @Test
    void hugeDeclaredTensorIsRejectedBeforeAllocating() throws Exception {
        byte[] bytes = ModelFileWriter.toBytes(SMALL, List.of(new NamedTensor("a", new int[] {1}, new float[] {1f})));
        int rankOffset = ModelFile.HEADER_SIZE + 2 + 1;
        bytes[rankOffset] = 2;
        writeInt(bytes, rankOffset + 1, 65536);
        writeInt(bytes, rankOffset + 5, 16384);
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> ModelFileReader.read(bytes));
        assertEquals("tensor a needs 4294967296 bytes but only 0 remain before the checksum", e.reason());
        assertEquals(rankOffset + 9, e.offset());
    }

    @Test
    void foreignFileSaysSo() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> ModelFileReader.read(png));
        assertEquals("malformed input at byte 1: not a glowzip model file (bad magic)", e.getMessage());
    }

    @Test
    void damagedTensorDataFailsTheChecksum() {
        byte[] bytes = ModelFileWriter.toBytes(SMALL, List.of(new NamedTensor("a", new int[] {2}, new float[] {1f, 2f})));
        bytes[ModelFile.HEADER_SIZE + 2 + 1 + 1 + 4 + 3] ^= 1;
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> ModelFileReader.read(bytes));
        assertEquals(bytes.length - 32, e.offset());
        assertEquals("SHA-256 checksum mismatch: the file is damaged", e.reason());
    }

    @Test
    void futureVersionIsNamed() {
        byte[] bytes = ModelFileWriter.toBytes(SMALL, List.of());
        bytes[9] = 2;
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> ModelFileReader.read(bytes));
        assertEquals("malformed input at byte 8: unsupported model file version 2 (this reader knows 1)", e.getMessage());
    }

    @Test
    void invalidArchitectureIsRejected() {
        byte[] bytes = ModelFileWriter.toBytes(SMALL, List.of());
        writeInt(bytes, 20, 30);
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> ModelFileReader.read(bytes));
        assertEquals("bad architecture: image side 30 is not a multiple of 2^levels = 4", e.reason());
    }

    @Test
    void callerMistakesAreIllegalArguments() {
        assertThrows(IllegalArgumentException.class, () -> new GlowConfig(2, 1, 8, CouplingType.AFFINE, 1, 30, 28));
        assertThrows(IllegalArgumentException.class, () -> new NamedTensor("bad name", new int[] {1}, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> new NamedTensor("a", new int[] {2}, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> new NamedTensor("a", new int[] {1}, new float[] {Float.NaN}));
        NamedTensor a = new NamedTensor("a", new int[] {1}, new float[1]);
        assertThrows(IllegalArgumentException.class, () -> ModelFileWriter.toBytes(SMALL, List.of(a, a)));
    }

    @Test
    void fileRoundTripAndFingerprint(@TempDir Path directory) throws Exception {
        List<NamedTensor> tensors = randomTensors(7, 4);
        Path path = directory.resolve("m.gzm");
        ModelFileWriter.write(path, SMALL, tensors);
        ModelFile model = ModelFileReader.read(path);
        byte[] bytes = Files.readAllBytes(path);
        assertEquals(ModelFileWriter.toModelFile(SMALL, tensors).fingerprintHex(), model.fingerprintHex());
        assertArrayEquals(Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length), model.fingerprint());
        assertEquals(64, model.fingerprintHex().length());
    }

    private static void writeInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }
}
