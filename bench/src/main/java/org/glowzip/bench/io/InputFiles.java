package org.glowzip.bench.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glowzip.codec.MalformedStreamException;

/**
 * The inputs named on a command line: a path, or {@code -} for standard input. They are checked
 * before any work starts, so that a mistyped name is reported at once, by name: "no such file: X",
 * "X is a directory", "X: not readable".
 */
public final class InputFiles {
    /** The argument that stands for standard input. */
    public static final String STDIN = "-";

    private InputFiles() {
    }

    /** Checks that {@code argument} is standard input or a readable file, or directory if {@code directoryAllowed}. */
    public static void check(String argument, boolean directoryAllowed) throws IOException {
        if (argument.equals(STDIN)) {
            return;
        }
        Path path = Path.of(argument);
        if (!Files.exists(path)) {
            throw new IOException("no such file: " + argument);
        }
        if (!directoryAllowed && Files.isDirectory(path)) {
            throw new IOException(argument + " is a directory");
        }
        if (!Files.isReadable(path)) {
            throw new IOException(argument + ": not readable");
        }
    }

    /** The bytes of a file argument (checked first), or standard input, which closing leaves open. */
    public static InputStream open(String argument) throws IOException {
        check(argument, false);
        return argument.equals(STDIN) ? StandardStreams.in() : Files.newInputStream(Path.of(argument));
    }

    /** What to call the input in messages. */
    public static String name(String argument) {
        return argument.equals(STDIN) ? "stdin" : argument;
    }

    /** {@code e} with the input's name in its reason, so that the message says which file is damaged. */
    public static MalformedStreamException named(String argument, MalformedStreamException e) {
        MalformedStreamException named = new MalformedStreamException(e.offset(), name(argument) + ": " + e.reason());
        named.initCause(e);
        return named;
    }
}
