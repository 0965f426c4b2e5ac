package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.ModelFileWriter;
import org.glowzip.codec.modelfile.PriorPhases;
import org.glowzip.codec.nn.ConvKernel;
import org.glowzip.codec.tile.TileCoder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Encodes in this JVM and decodes in another started with other code generation (no AVX, no
 * superword vectorization, the interpreter), with the other convolution kernel and, where
 * installed, with another JDK: the pixels must come back and the other JVM's own encoding must be
 * identical, bit for bit.
 *
 * <p>This JVM runs {@link ConvKernel#VECTOR} (surefire adds {@code jdk.incubator.vector}); each
 * child names the kernel it must run, and reports the one it ran. Affine models go to every
 * child; a mixture model, whose curves are evaluated with {@code StrictMath}, to a scalar one and
 * to the other JDK.
 */
class CrossJvmDeterminismTest {
    private static final List<String> VECTOR_MODULE = List.of("--add-modules", "jdk.incubator.vector");

    static Stream<Arguments> childJvms() {
        String thisJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Arguments> jvms = new ArrayList<>();
        if (System.getProperty("os.arch").matches("amd64|x86_64")) {
            jvms.add(Arguments.of(List.of(thisJava, "-XX:UseAVX=0", "-XX:-UseSuperWord"), ConvKernel.SCALAR, CouplingType.AFFINE));
            jvms.add(Arguments.of(concat(List.of(thisJava, "-XX:UseAVX=0"), VECTOR_MODULE), ConvKernel.VECTOR, CouplingType.AFFINE));
            jvms.add(Arguments.of(List.of(thisJava, "-XX:UseAVX=0", "-XX:-UseSuperWord"), ConvKernel.SCALAR, CouplingType.MIXTURE));
        }
        jvms.add(Arguments.of(List.of(thisJava, "-Xint"), ConvKernel.SCALAR, CouplingType.AFFINE));
        String thisVersion = System.getProperty("java.version");
        try (Stream<Path> installed = Files.list(Path.of("/usr/lib/jvm"))) {
            installed.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> !releaseVersion(home).equals(thisVersion) && !releaseVersion(home).isEmpty())
                    .sorted()
                    .limit(1)
                    .forEach(home -> {
                        List<String> other = concat(List.of(home.resolve("bin/java").toString()), VECTOR_MODULE);
                        jvms.add(Arguments.of(other, ConvKernel.VECTOR, CouplingType.AFFINE));
                        jvms.add(Arguments.of(other, ConvKernel.VECTOR, CouplingType.MIXTURE));
                    });
        } catch (IOException noOtherJdks) {
            // only the flags variants then
        }
        return jvms.stream();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** JAVA_VERSION from a JDK's release file, or "" if unreadable. */
    private static String releaseVersion(Path home) {
        try (Stream<String> lines = Files.lines(home.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION=")).map(line -> line.substring(13).replace("\"", ""))
                    .findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    @ParameterizedTest(name = "{0} ({1} kernel, {2} coupling)")
    @MethodSource("childJvms")
    void otherJvmDecodesAndEncodesTheSameBits(List<String> jvm, ConvKernel childKernel, CouplingType coupling, @TempDir Path dir)
            throws Exception {
        assertEquals(ConvKernel.VECTOR, ConvKernel.preferred(), "this JVM must encode with the vector kernel");
        GlowConfig config = new GlowConfig(2, 2, 16, coupling, 1, 8, 8);
        // first tiles: the context model; later ones: bits-back, of a Glow conditioned on its tiles' borders whose noise comes
        // from a checkerboard posterior and whose priors code in four phases
        ModelFile model = RandomModels.withPriorPhases(RandomModels.withCheckerboardDequantizer(
                RandomModels.withCondition(RandomModels.withContext(config, 3, 3, 16, 1.0), 4, 0.3), 5, 0.3), PriorPhases.QUARTERS, 6, 0.3);
        Path modelPath = dir.resolve("model.glowmodel");
        ModelFileWriter.write(modelPath, model.config(), model.tensors().values());
        List<Image> images = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 6; i++) {
            byte[] samples = new byte[(5 + i) * (9 + i) * (i % 2 == 0 ? 1 : 3)];
            random.nextBytes(samples);
            images.add(Image.of(5 + i, 9 + i, i % 2 == 0 ? 1 : 3, samples));
        }
        byte[] encoded = LanePayload.writeStated(new BlockCoder(new TileCoder(model, CodingParameters.DEFAULT)).encode(images, LanePlan.LaneCount.CHOSEN));
        Files.write(dir.resolve("message"), encoded);
        Files.write(dir.resolve("images"), writeImages(images));

        List<String> command = new ArrayList<>(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildJvmCoder.class.getName(),
                modelPath.toString(), dir.resolve("message").toString(), dir.resolve("images").toString(),
                dir.resolve("decoded").toString(), dir.resolve("reencoded").toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
        }
        assertEquals(0, child.exitValue(), "child JVM " + jvm + " failed:\n" + output);
        assertTrue(output.contains(ChildJvmCoder.KERNEL_LINE + childKernel), "child JVM " + jvm + " ran another kernel:\n" + output);
        assertEquals(images, readImages(Files.readAllBytes(dir.resolve("decoded"))), "pixels decoded by " + jvm);
        assertArrayEquals(encoded, Files.readAllBytes(dir.resolve("reencoded")), "encoding by " + jvm);
    }

    static byte[] writeImages(List<Image> images) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(images.size());
        for (Image image : images) {
            out.writeInt(image.width());
            out.writeInt(image.height());
            out.writeInt(image.channels());
            out.write(image.samples());
        }
        return bytes.toByteArray();
    }

    static List<Image> readImages(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<Image> images = new ArrayList<>();
        for (int n = in.getInt(); n > 0; n--) {
            int width = in.getInt();
            int height = in.getInt();
            int channels = in.getInt();
            byte[] samples = new byte[width * height * channels];
            in.get(samples);
            images.add(Image.of(width, height, channels, samples));
        }
        return images;
    }
}
