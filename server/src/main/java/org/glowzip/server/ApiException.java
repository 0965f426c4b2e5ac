package org.glowzip.server;

/** A request that is answered with an error: its {@link ErrorKind} and a message for the client. */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public ApiException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}
