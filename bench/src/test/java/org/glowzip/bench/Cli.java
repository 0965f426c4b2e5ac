package org.glowzip.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Runs {@code glowzip} in this JVM, as {@code main} would, and captures what it prints. */
final class Cli {
    /** What a run did: its exit status and what it printed. */
    record Run(int exit, byte[] stdout, String err) {
        /** Standard output as text. */
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + out() + "\nstderr: " + err;
        }
    }

    private Cli() {
    }

    static synchronized Run run(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CommandLine commandLine = Glowzip.commandLine();
            commandLine.setErr(new PrintWriter(err, true));
            int exit = commandLine.execute(args);
            return new Run(exit, out.toByteArray(), err.toString());
        } finally {
            System.setOut(stdout);
        }
    }

    /** Every name under {@code directory}, relative, sorted: what a command left behind, hidden files included. */
    static List<String> listing(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(path -> !path.equals(directory)).map(path -> directory.relativize(path).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
