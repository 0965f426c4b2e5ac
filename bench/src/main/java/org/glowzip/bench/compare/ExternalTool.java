package org.glowzip.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A lossless image codec run as a command-line tool, one image at a time through files in a
 * fresh temporary folder: {@code optipng} (a PNG rewritten smaller), {@code cwebp} (WebP
 * lossless) and {@code cjxl} (JPEG XL, distance 0). In the command templates {@code IN} and
 * {@code OUT} stand for the input and output files; a tool without a decode command writes PNG,
 * which is its own decoded form.
 */
public record ExternalTool(String name, String setting, List<String> encode, List<String> decode, String extension) {
    /** How long one run may take: cjxl -e 9 takes tens of seconds on a photograph of 10 million samples. */
    private static final long TIMEOUT_MINUTES = 10;

    public ExternalTool {
        encode = List.copyOf(encode);
        decode = List.copyOf(decode);
    }

    /** optipng at level 2: the PNG rewritten with the best of 8 trials of filters and zlib settings. */
    public static ExternalTool optipng() {
        return new ExternalTool("optipng", "-o2", List.of("optipng", "-quiet", "-o2", "-out", "OUT", "IN"), List.of(), "png");
    }

    /** WebP lossless at its strongest setting, keeping the values under transparent pixels. */
    public static ExternalTool cwebp() {
        return new ExternalTool("cwebp", "-lossless -z 9 -exact", List.of("cwebp", "-quiet", "-lossless", "-z", "9", "-exact", "IN", "-o", "OUT"),
                List.of("dwebp", "-quiet", "IN", "-o", "OUT"), "webp");
    }

    /** JPEG XL lossless (distance 0) at an effort from 1 to 9 (its default is 7), named {@code cjxl-eN}. */
    public static ExternalTool cjxl(int effort) {
        return new ExternalTool("cjxl-e" + effort, "-d 0 -e " + effort, List.of("cjxl", "--quiet", "-d", "0", "-e", Integer.toString(effort), "IN", "OUT"),
                List.of("djxl", "--quiet", "IN", "OUT"), "jxl");
    }

    /** The programs this tool runs. */
    public List<String> programs() {
        return decode.isEmpty() ? List.of(encode.get(0)) : List.of(encode.get(0), decode.get(0));
    }

    /** True when every program it runs is on the PATH. */
    public boolean available() {
        return installed(programs());
    }

    /** True when every one of {@code programs} is an executable file in a folder of the PATH. */
    static boolean installed(List<String> programs) {
        return programs.stream().allMatch(ExternalTool::onPath);
    }

    /** Compresses a PNG file's content; returns the compressed bytes. Calls may run concurrently. */
    public byte[] compress(byte[] png) throws IOException, InterruptedException {
        return run(encode, png, "png", extension);
    }

    /** Decompresses to PNG bytes. Calls may run concurrently. */
    public byte[] decompress(byte[] compressed) throws IOException, InterruptedException {
        return decode.isEmpty() ? compressed : run(decode, compressed, extension, "png");
    }

    /** Runs the tool on a file {@code in.inSuffix} holding {@code input}, to {@code out.outSuffix}, in a folder of its own; returns the output. */
    private static byte[] run(List<String> template, byte[] input, String inSuffix, String outSuffix) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("glowzip-bench");
        try {
            Path in = Files.write(folder.resolve("in." + inSuffix), input);
            Path out = folder.resolve("out." + outSuffix);
            run(template, in, out);
            return Files.readAllBytes(out);
        } finally {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }

    private static void run(List<String> template, Path in, Path out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        for (String part : template) {
            command.add(part.equals("IN") ? in.toString() : part.equals("OUT") ? out.toString() : part);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
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
