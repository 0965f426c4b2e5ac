package org.glowzip.codec.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that inflate to several times the heap are read, or refused at the expansion limit, by
 * a JVM of {@value #HEAP} heap: the input layer holds one image at a time, never a whole input.
 */
class BoundedMemoryTest {
    private static final String HEAP = "-Xmx32m";

    @Test
    void inputsMuchLargerThanTheHeapStreamThrough(@TempDir Path directory) throws Exception {
        ByteArrayOutputStream idxHeader = new ByteArrayOutputStream();
        IdxHeader.unsignedBytes(65_536, 28, 28).write(idxHeader);
        Path images = write(directory.resolve("images.idx.gz"), Containers.bomb(idxHeader.toByteArray(), 49)); // 65,536 images of 784 bytes: 49 MiB
        byte[] tar = Containers.tar(List.of("a.png"), List.of(ImageFormat.PNG.write(Image.of(3, 3, 1, new byte[9]))));
        Path bomb = write(directory.resolve("bomb.tar.gz"), Containers.bomb(tar, 256)); // an image, then 256 MiB of zeros

        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP, "-cp",
                System.getProperty("java.class.path"), DrainInput.class.getName(), String.valueOf(128 << 20), images.toString(), bomb.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
        }
        assertEquals(images + ": 65536 images\n"
                + bomb + ": EXPANDED_BYTES: " + bomb + ": expands to more than 134217728 bytes, the limit on decompressed input\n", output);
        assertEquals(0, child.exitValue());
    }

    private static Path write(Path file, InputStream content) throws Exception {
        try (content) {
            Files.copy(content, file);
        }
        return file;
    }
}
