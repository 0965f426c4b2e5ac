package org.glowzip.server.http;

import org.glowzip.server.ErrorKind;

/**
 * The body of every error answer: {@code {"error":KIND,"message":TEXT}}, the kind as
 * {@link ErrorKind#label()} and the message for the client ({@code ""} if there is none).
 */
record ErrorAnswer(ErrorKind kind, String message) {
    String toJson() {
        return new JsonObject().field("error", kind.label()).field("message", message == null ? "" : message).toString();
    }
}
