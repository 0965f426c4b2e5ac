package org.glowzip.bench;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints a failed command's error as one line, with the stack trace only under {@code --verbose}. */
final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        boolean verbose = false;
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            verbose |= level.hasMatchedOption("--verbose");
        }
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        command.getErr().println("glowzip: " + message);
        if (verbose) {
            failure.printStackTrace(command.getErr());
        }
        return ExitCodes.of(failure);
    }
}
