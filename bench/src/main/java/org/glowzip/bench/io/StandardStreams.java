package org.glowzip.bench.io;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Standard input and output as streams a command may close when it is done with them: closing flushes, and leaves them open for the process. */
public final class StandardStreams {
    private StandardStreams() {
    }

    public static InputStream in() {
        return new FilterInputStream(System.in) {
            @Override
            public void close() {
                // standard input stays open
            }
        };
    }

    public static OutputStream out() {
        return new FilterOutputStream(System.out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
