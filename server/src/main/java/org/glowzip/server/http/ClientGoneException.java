package org.glowzip.server.http;

import java.io.IOException;

/** The client closed the connection, or stopped reading, while its request was being served. */
final class ClientGoneException extends IOException {
    private static final long serialVersionUID = 1L;

    ClientGoneException(String message) {
        super(message);
    }
}
