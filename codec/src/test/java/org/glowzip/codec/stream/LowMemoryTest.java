package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Under {@code -Xmx128m}, crafted inputs that declare huge images with a few bytes and 20,000
 * fuzz mutants get {@link org.glowzip.codec.MalformedStreamException}, the decode limit, or
 * decode: never {@link OutOfMemoryError}. Runs {@link LowMemoryDecoder} in a child JVM.
 */
class LowMemoryTest {

    @Test
    void craftedInputsAndFuzzMutantsNeverExhaustA128MiBHeap() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-XX:+CrashOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                LowMemoryDecoder.class.getName(), "20000", "42").redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertTrue(child.waitFor(10, TimeUnit.MINUTES), output);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains(LowMemoryDecoder.DONE), output);
        List<String> crafted = output.lines().filter(line -> line.startsWith("crafted ")).toList();
        assertEquals(LowMemoryDecoder.crafted().size(), crafted.size(), output);
        for (String line : crafted) {
            assertTrue(line.contains("decode limit exceeded at byte "), line);
            assertTrue(line.endsWith("268435456 samples asked for, this decoder produces at most " + GlowzipReader.DEFAULT_MAX_SAMPLES + " at once"), line);
        }
        assertTrue(output.contains("fuzz outcomes "), output);
    }
}
