package org.glowzip.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** The {@code --quiet} and {@code --verbose} options every command takes. */
final class Verbosity {
    @Option(names = {"-q", "--quiet"}, description = "Print no progress, only results and errors.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print the libraries' start-up messages, and stack traces with errors.")
    boolean verbose;

    /** Where progress goes: standard error, or nowhere when quiet. */
    PrintStream progress() {
        return quiet ? new PrintStream(OutputStream.nullOutputStream()) : System.err;
    }

    /** Whether {@code --verbose} was given to the command or to any command above it. */
    static boolean requested(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
