package org.glowzip.bench;

import picocli.CommandLine.Option;

/** The {@code --quiet} and {@code --verbose} options every command takes. */
final class Verbosity {
    @Option(names = {"-q", "--quiet"}, description = "Print no progress, only results and errors.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;
}
