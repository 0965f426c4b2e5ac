package org.glowzip.bench;

import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints a failed command's error as one line, with the stack trace only under {@code --verbose}. */
final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        if (failure instanceof NoSuchFileException) {
            message = "no such file: " + message;
        }
        command.getErr().println("glowzip: " + message);
        if (Verbosity.requested(parsed)) {
            failure.printStackTrace(command.getErr());
        }
        return ExitCodes.of(failure);
    }
}
