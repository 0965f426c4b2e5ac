package org.glowzip.codec.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** The output of a decompressor, counted against the {@link Budget}'s expansion limit as it is read: the gzip bomb guard. */
final class ExpansionCounter extends FilterInputStream {
    private final Budget budget;
    private final String name;

    ExpansionCounter(InputStream decompressed, Budget budget, String name) {
        super(decompressed);
        this.budget = budget;
        this.name = name;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            budget.expanded(1, name);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            budget.expanded(n, name);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        if (skipped > 0) {
            budget.expanded(skipped, name);
        }
        return skipped;
    }
}
