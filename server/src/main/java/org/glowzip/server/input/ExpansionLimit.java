package org.glowzip.server.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.glowzip.server.ApiException;
import org.glowzip.server.ErrorKind;

/** A stream that fails once more than {@code limit} bytes have been read from it: a gzip bomb guard. */
final class ExpansionLimit extends FilterInputStream {
    /** Carries the 413 out through code that only passes IOExceptions. */
    static final class Exceeded extends IOException {
        private static final long serialVersionUID = 1L;

        final ApiException error;

        Exceeded(ApiException error) {
            super(error.getMessage());
            this.error = error;
        }
    }

    private final long limit;
    private long count;

    ExpansionLimit(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) throws Exceeded {
        count += n;
        if (count > limit) {
            throw new Exceeded(new ApiException(ErrorKind.BODY_TOO_LARGE, "gzip body inflates to more than " + limit + " bytes"));
        }
    }
}
