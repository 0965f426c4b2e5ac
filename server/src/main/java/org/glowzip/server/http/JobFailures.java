package org.glowzip.server.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CancellationException;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.server.ApiException;
import org.glowzip.server.ErrorKind;
import org.glowzip.server.pipeline.LimitExceededException;
import org.glowzip.server.pipeline.UnsupportedStreamException;
import org.glowzip.server.input.BodyImages;

/** What to answer for a job that failed. */
final class JobFailures {
    private JobFailures() {
    }

    /**
     * The error to answer for {@code failure}, or {@code null} when the client is gone (or the job
     * was cancelled) and nothing is to be answered. A failure of the request body
     * ({@code pipeFailure}: body too large, too slow, client gone) explains whatever the job made
     * of it, unless the job had an answer of its own for a client still there.
     */
    static ApiException classify(Throwable failure, IOException pipeFailure) {
        if (pipeFailure instanceof ClientGoneException) {
            return null;
        }
        Throwable cause = failure instanceof ApiException || pipeFailure == null ? failure : pipeFailure;
        if (cause instanceof ApiException api) {
            return api;
        }
        if (cause instanceof BodyAbortedException aborted) {
            return aborted.error();
        }
        ApiException refused = BodyImages.refusal(cause);
        if (refused != null) {
            return refused;
        }
        if (cause instanceof ClientGoneException || cause instanceof InterruptedIOException || cause instanceof CancellationException) {
            return null;
        }
        if (cause instanceof MalformedStreamException) {
            return new ApiException(ErrorKind.MALFORMED, cause.getMessage());
        }
        if (cause instanceof UnsupportedStreamException) {
            return new ApiException(ErrorKind.UNDECODABLE, cause.getMessage());
        }
        if (cause instanceof LimitExceededException exceeded) {
            return new ApiException(exceeded.limit() == LimitExceededException.Limit.PIXELS_PER_IMAGE ? ErrorKind.IMAGE_TOO_LARGE
                    : ErrorKind.BODY_TOO_LARGE, cause.getMessage());
        }
        if (cause instanceof IOException) {
            return new ApiException(ErrorKind.MALFORMED, "unreadable body: " + cause.getMessage());
        }
        return new ApiException(ErrorKind.INTERNAL, "internal error: " + cause);
    }
}
