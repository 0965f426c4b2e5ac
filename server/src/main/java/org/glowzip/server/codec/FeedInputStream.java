package org.glowzip.server.codec;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An input stream over byte arrays handed to it: it returns what it was fed, then end of input.
 * A {@link StreamUnpacker} feeds it whole units, so the reader on top never sees a gap.
 */
final class FeedInputStream extends InputStream {
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private int position;

    void feed(byte[] bytes) {
        if (bytes.length > 0) {
            queue.add(bytes);
        }
    }

    @Override
    public int read() {
        byte[] head = queue.peek();
        if (head == null) {
            return -1;
        }
        int b = head[position++] & 0xFF;
        if (position == head.length) {
            queue.poll();
            position = 0;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int total = 0;
        while (total < len) {
            byte[] head = queue.peek();
            if (head == null) {
                break;
            }
            int n = Math.min(len - total, head.length - position);
            System.arraycopy(head, position, b, off + total, n);
            total += n;
            position += n;
            if (position == head.length) {
                queue.poll();
                position = 0;
            }
        }
        return total == 0 ? -1 : total;
    }

    /** Drops whatever is queued. */
    void clear() {
        queue.clear();
        position = 0;
    }
}
