package org.glowzip.codec.input;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.glowzip.codec.MalformedStreamException;

/**
 * Tells a decoder's own complaints from failures of the bytes underneath it. A gzip, tar or zip
 * decoder throws plain {@link IOException}s (and sometimes runtime exceptions) for damaged data;
 * those become a {@link MalformedStreamException} that names the input. What the stream below the
 * decoder throws (a read error, a client that went away, a refusal or damage found further down)
 * is passed on unchanged. The guard also counts the bytes the decoder has taken from below: the
 * offset its complaints are reported at.
 */
final class DecoderGuard {
    /** A failure from below, carried through the decoder so that it can be told apart and unwrapped. */
    private static final class FromBelow extends IOException {
        private static final long serialVersionUID = 1L;

        FromBelow(IOException failure) {
            super(failure);
        }
    }

    private final String name;
    private final String format;
    private long consumed;

    /** A guard for a decoder of {@code format} ("gzip", "tar", "zip") reading the input called {@code name}. */
    DecoderGuard(String name, String format) {
        this.name = name;
        this.format = format;
    }

    /** The stream the decoder reads: {@code in}, counted, with its failures marked. */
    InputStream below(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    int b = in.read();
                    consumed += b >= 0 ? 1 : 0;
                    return b;
                } catch (IOException e) {
                    throw new FromBelow(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    int n = in.read(b, off, len);
                    consumed += Math.max(n, 0);
                    return n;
                } catch (IOException e) {
                    throw new FromBelow(e);
                }
            }

            @Override
            public long skip(long n) throws IOException {
                try {
                    long skipped = in.skip(n);
                    consumed += skipped;
                    return skipped;
                } catch (IOException e) {
                    throw new FromBelow(e);
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    in.close();
                } catch (IOException e) {
                    throw new FromBelow(e);
                }
            }
        };
    }

    /** The decoder's output, its complaints turned into {@link MalformedStreamException}s. */
    InputStream above(InputStream decoder) {
        return new FilterInputStream(decoder) {
            @Override
            public int read() throws IOException {
                try {
                    return in.read();
                } catch (IOException | RuntimeException e) {
                    throw translate(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return in.read(b, off, len);
                } catch (IOException | RuntimeException e) {
                    throw translate(e);
                }
            }

            @Override
            public long skip(long n) throws IOException {
                try {
                    return in.skip(n);
                } catch (IOException | RuntimeException e) {
                    throw translate(e);
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    in.close();
                } catch (IOException | RuntimeException e) {
                    throw translate(e);
                }
            }
        };
    }

    /**
     * What to throw for {@code failure}, caught from a call into the decoder: the failure from
     * below that it carries, or a {@link MalformedStreamException} for the decoder's own complaint.
     */
    IOException translate(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FromBelow below) {
                return (IOException) below.getCause();
            }
        }
        String detail = failure instanceof EOFException ? "unexpected end of data"
                : failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        MalformedStreamException malformed = new MalformedStreamException(consumed, name + ": damaged or truncated " + format + " data ("
                + detail + ")");
        malformed.initCause(failure);
        return malformed;
    }
}
