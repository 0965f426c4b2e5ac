package org.glowzip.bench;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.glowzip.codec.DecodeLimitException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command's error as one line, with the stack trace only under {@code --verbose}.
 * A file system's error names the file and says what is wrong with it in words, rather than the
 * bare path the JDK's exceptions give as their message.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        boolean overDecodeLimit = failure instanceof DecodeLimitException || failure.getCause() instanceof DecodeLimitException;
        command.getErr().println("glowzip: " + message(failure) + (overDecodeLimit ? " (--max-decode-samples raises it)" : ""));
        if (Verbosity.requested(parsed)) {
            failure.printStackTrace(command.getErr());
        }
        return ExitCodes.of(failure);
    }

    private static String message(Exception failure) {
        if (failure instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (failure instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (failure instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + ": already exists";
        }
        if (failure instanceof FileSystemException problem && problem.getReason() != null) {
            return problem.getFile() + (problem.getOtherFile() == null ? "" : " -> " + problem.getOtherFile()) + ": " + problem.getReason();
        }
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
