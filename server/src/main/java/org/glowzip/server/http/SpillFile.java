package org.glowzip.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * Response bytes parked on disk, so that a job need not block on a client that is not reading yet.
 *
 * <p>What it is for: a client that reads its response only after it has sent its whole body (the
 * JDK HttpClient does) would deadlock with a server that streams its response once the socket
 * buffers fill, each side waiting for the other to read. While the request body is still arriving,
 * {@link ResponseStream} parks here the chunks the socket does not take and sends them once the
 * body is in.
 *
 * <p>Invariants: bytes come out ({@link #take}) in the order they went in ({@link #append}), each
 * once; at most {@code capacity} bytes are held; once all are taken it is empty, and later bytes
 * are written from the start of the file again. The file exists from the first {@link #append} to
 * {@link #close}, a temporary file deleted when it is closed (or when the JVM exits). One thread
 * uses it, the job's.
 */
final class SpillFile implements Closeable {
    private final long capacity;
    private FileChannel file;
    /** The bytes held are those of the file in [{@code taken}, {@code length}); both are 0 when it is empty. */
    private long length;
    private long taken;

    /** @param capacity the most bytes it holds */
    SpillFile(long capacity) {
        this.capacity = capacity;
    }

    /** True if it holds nothing. */
    boolean isEmpty() {
        return taken == length;
    }

    /** True if {@code bytes} more fit within its capacity. */
    boolean fits(int bytes) {
        return length + bytes <= capacity;
    }

    /** Holds {@code count} bytes of {@code bytes} after those it holds; only if they {@link #fits fit}. */
    void append(byte[] bytes, int count) throws IOException {
        if (!fits(count)) {
            throw new IllegalStateException(count + " bytes more exceed the spill file's " + capacity);
        }
        if (file == null) {
            file = FileChannel.open(Files.createTempFile("glowzip-response-", ".spill"), StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        }
        ByteBuffer source = ByteBuffer.wrap(bytes, 0, count);
        while (source.hasRemaining()) {
            file.write(source, length + source.position());
        }
        length += count;
    }

    /** The next at most {@code max} bytes it holds, in a buffer of {@code allocator}, or {@code null} if it is empty. */
    ByteBuf take(ByteBufAllocator allocator, int max) throws IOException {
        if (isEmpty()) {
            return null;
        }
        int n = (int) Math.min(max, length - taken);
        ByteBuf piece = allocator.buffer(n);
        try {
            for (int read = 0; read < n; ) {
                int r = piece.writeBytes(file, taken + read, n - read);
                if (r < 0) {
                    throw new IOException("response spill file truncated");
                }
                read += r;
            }
        } catch (IOException | RuntimeException e) {
            piece.release();
            throw e;
        }
        taken += n;
        if (taken == length) {
            taken = 0;
            length = 0;
        }
        return piece;
    }

    /** Deletes the file, if any. */
    @Override
    public void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // DELETE_ON_CLOSE: nothing more to do
            }
            file = null;
        }
    }
}
