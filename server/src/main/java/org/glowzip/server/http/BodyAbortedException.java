package org.glowzip.server.http;

import java.io.IOException;
import org.glowzip.server.ApiException;

/** What a job reading a request body sees when the event loop stopped the body: the error to answer. */
final class BodyAbortedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final ApiException error;

    BodyAbortedException(ApiException error) {
        super(error.getMessage());
        this.error = error;
    }

    ApiException error() {
        return error;
    }
}
