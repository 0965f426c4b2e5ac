package org.glowzip.bench;

import org.glowzip.codec.MalformedStreamException;
import picocli.CommandLine;

/** Maps what went wrong to the documented exit codes. */
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
        if (failure instanceof MalformedStreamException) {
            return CORRUPT_INPUT;
        }
        return RUNTIME_ERROR;
    }
}
