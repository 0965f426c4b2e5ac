package org.glowzip.server;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * What went wrong with a request: the {@code "error"} of the JSON error body
 * {@code {"error": KIND, "message": TEXT}} and its HTTP status.
 *
 * <ul>
 * <li>400 {@code bad_request}: a bad method, path, query or header; {@code malformed}: the body's
 *     bytes are damaged: a glowzip stream, tar, IDX or gzip that is corrupt or truncated</li>
 * <li>404 {@code not_found}, 405 {@code method_not_allowed}</li>
 * <li>408 {@code idle_timeout}: the request body stalled; {@code request_timeout}: the request's
 *     head and body did not arrive within the deadline; {@code request_too_slow}: they arrived
 *     below the minimum rate (see {@link GlowServerConfig}); the connection is closed after a 408</li>
 * <li>413 {@code body_too_large}: the body, or what it expands to, exceeds a limit;
 *     {@code image_too_large}: one image has more pixels than allowed</li>
 * <li>415 {@code unsupported_media_type}: a Content-Type or body that is none of the accepted kinds</li>
 * <li>422 {@code undecodable}: intact, but cannot be decoded here: an image file in the body that
 *     is not a readable PNG/PGM/PPM, a glowzip stream of a model or format version not loaded or
 *     with an image that cannot be written as the file it came as</li>
 * <li>429 {@code too_many_requests}: this client has too many jobs running or waiting;
 *     503 {@code overloaded}: every job slot is taken and the wait queue is full, or the job
 *     waited in the queue for the longest wait allowed; both come with {@code Retry-After}</li>
 * <li>503 {@code shutting_down}, 500 {@code internal}</li>
 * </ul>
 */
public enum ErrorKind {
    BAD_REQUEST(HttpResponseStatus.BAD_REQUEST),
    MALFORMED(HttpResponseStatus.BAD_REQUEST),
    NOT_FOUND(HttpResponseStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpResponseStatus.METHOD_NOT_ALLOWED),
    IDLE_TIMEOUT(HttpResponseStatus.REQUEST_TIMEOUT),
    REQUEST_TIMEOUT(HttpResponseStatus.REQUEST_TIMEOUT),
    REQUEST_TOO_SLOW(HttpResponseStatus.REQUEST_TIMEOUT),
    BODY_TOO_LARGE(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE),
    IMAGE_TOO_LARGE(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE),
    UNDECODABLE(HttpResponseStatus.UNPROCESSABLE_ENTITY),
    TOO_MANY_REQUESTS(HttpResponseStatus.TOO_MANY_REQUESTS),
    OVERLOADED(HttpResponseStatus.SERVICE_UNAVAILABLE),
    SHUTTING_DOWN(HttpResponseStatus.SERVICE_UNAVAILABLE),
    INTERNAL(HttpResponseStatus.INTERNAL_SERVER_ERROR);

    private final HttpResponseStatus status;

    ErrorKind(HttpResponseStatus status) {
        this.status = status;
    }

    public HttpResponseStatus status() {
        return status;
    }

    /** The name in the JSON body and in the {@code kind} label of the error metric. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
