package org.glowzip.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A lossless image codec run as a command-line tool, one image at a time through temporary PNG
 * files: {@code cwebp} (WebP lossless) and {@code cjxl} (JPEG XL, distance 0).
 */
public record ExternalTool(String name, String setting, List<String> encode, List<String> decode, String extension) {

    public static List<ExternalTool> all() {
        return List.of(
                new ExternalTool("cwebp", "-lossless -z 9 -exact", List.of("cwebp", "-quiet", "-lossless", "-z", "9", "-exact", "IN", "-o", "OUT"),
                        List.of("dwebp", "-quiet", "IN", "-o", "OUT"), "webp"),
                new ExternalTool("cjxl", "-d 0 -e 9", List.of("cjxl", "--quiet", "-d", "0", "-e", "9", "IN", "OUT"),
                        List.of("djxl", "--quiet", "IN", "OUT"), "jxl"));
    }

    /** True when both the encoder and the decoder are on the PATH. */
    public boolean available() {
        return onPath(encode.get(0)) && onPath(decode.get(0));
    }

    /** Compresses a PNG file's content; returns the compressed bytes. Calls may run concurrently. */
    public byte[] compress(byte[] png, Path scratch) throws IOException, InterruptedException {
        return run(encode, png, scratch, ".png", "." + extension);
    }

    /** Decompresses to PNG bytes. Calls may run concurrently. */
    public byte[] decompress(byte[] compressed, Path scratch) throws IOException, InterruptedException {
        return run(decode, compressed, scratch, "." + extension, ".png");
    }

    /** Runs the tool from a fresh input file to a fresh output file in {@code scratch}; returns the output. */
    private static byte[] run(List<String> template, byte[] input, Path scratch, String inSuffix, String outSuffix)
            throws IOException, InterruptedException {
        Path in = Files.createTempFile(scratch, "in", inSuffix);
        Path out = Files.createTempFile(scratch, "out", outSuffix);
        try {
            Files.write(in, input);
            run(template, in, out);
            return Files.readAllBytes(out);
        } finally {
            Files.delete(in);
            Files.delete(out);
        }
    }

    private static void run(List<String> template, Path in, Path out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        for (String part : template) {
            command.add(part.equals("IN") ? in.toString() : part.equals("OUT") ? out.toString() : part);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
