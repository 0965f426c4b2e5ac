package org.glowzip.bench;

import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.input.InputRejectedException;
import picocli.CommandLine;

/**
 * Maps what went wrong to the documented exit codes: 3 for input that is damaged
 * ({@link MalformedStreamException}) or refused ({@link InputRejectedException}: not an accepted
 * kind, no images, over a limit), 2 for a mistaken command line, 1 for anything else (a missing
 * or unreadable file among them).
 */
final class ExitCodes {
    static final int RUNTIME_ERROR = 1;
    static final int USAGE_ERROR = 2;
    static final int CORRUPT_INPUT = 3;

    private ExitCodes() {
    }

    static int of(Throwable failure) {
        if (failure instanceof CommandLine.ParameterException) {
            return USAGE_ERROR;
        }
        if (failure instanceof MalformedStreamException || failure instanceof InputRejectedException) {
            return CORRUPT_INPUT;
        }
        return RUNTIME_ERROR;
    }
}
