package org.glowzip.codec.stream;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;
import org.glowzip.codec.MalformedStreamException;

/** An input that counts its offset, keeps a running CRC32C and reports truncation as malformed input. */
final class CheckedInput {
    private final InputStream in;
    private final CRC32C crc = new CRC32C();
    private long offset;

    CheckedInput(InputStream in) {
        this.in = in;
    }

    long offset() {
        return offset;
    }

    /** Starts a new checksummed section. */
    void resetChecksum() {
        crc.reset();
    }

    /** Reads the 4-byte CRC32C that ends a section and compares it with the section's. */
    void verifyChecksum(String section) throws IOException {
        long start = offset;
        int expected = (int) crc.getValue();
        if (readInt(section + " checksum") != expected) {
            throw new MalformedStreamException(start, section + " checksum mismatch");
        }
    }

    /**
     * Reads exactly {@code n} bytes, allocating only as they arrive, so that a size from a damaged
     * header cannot reserve memory the stream does not back.
     */
    byte[] read(int n, String what) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new MalformedStreamException(offset + bytes.length, "stream truncated in " + what + ": "
                    + bytes.length + " of " + n + " bytes");
        }
        crc.update(bytes);
        offset += n;
        return bytes;
    }

    /** Reads and checksums {@code n} bytes without keeping them. */
    void skip(long n, String what) throws IOException {
        for (long left = n; left > 0; ) {
            int chunk = (int) Math.min(left, 1 << 16);
            read(chunk, what);
            left -= chunk;
        }
    }

    int readByte(String what) throws IOException {
        return read(1, what)[0] & 0xFF;
    }

    int readInt(String what) throws IOException {
        byte[] b = read(4, what);
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    long readLong(String what) throws IOException {
        return ((long) readInt(what) << 32) | (readInt(what) & 0xFFFF_FFFFL);
    }

    /** True if the underlying stream has no more bytes. */
    boolean atEnd() throws IOException {
        return in.read() < 0;
    }
}
