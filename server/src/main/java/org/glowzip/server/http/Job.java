package org.glowzip.server.http;

import java.io.InputStream;

/** The work of a compress or decompress request, run on a worker thread. */
interface Job {
    /**
     * Reads the request body and writes the response; on success the response is closed.
     *
     * @throws org.glowzip.server.ApiException to answer with an error (if nothing was sent yet)
     */
    void run(InputStream body, ResponseStream response) throws Exception;

    /** Images and their samples processed so far, for the metrics. */
    default long images() {
        return 0;
    }

    default long samples() {
        return 0;
    }
}
