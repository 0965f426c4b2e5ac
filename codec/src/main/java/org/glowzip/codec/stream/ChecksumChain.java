package org.glowzip.codec.stream;

import java.util.zip.CRC32C;

/**
 * The chained checksums of a stream ({@link StreamFormat}): each block's CRC32C starts with the
 * previous link, so a block checks only in its own place of its own stream. Version 2 streams
 * check each block alone.
 */
final class ChecksumChain {
    private final boolean chained;
    private final CRC32C crc = new CRC32C();
    private int link;

    /** @param first the header's checksum */
    ChecksumChain(int version, int first) {
        this.chained = version >= StreamFormat.CHAINED_VERSION;
        this.link = first;
        start();
    }

    void update(byte[] bytes) {
        crc.update(bytes);
    }

    void update(byte[] bytes, int from, int length) {
        crc.update(bytes, from, length);
    }

    /** The checksum of the section so far. */
    int value() {
        return (int) crc.getValue();
    }

    /** Ends a section whose checksum is {@link #value}: it becomes the link the next one starts with. */
    void next() {
        link = value();
        start();
    }

    private void start() {
        crc.reset();
        if (chained) {
            crc.update(new byte[] {(byte) (link >>> 24), (byte) (link >>> 16), (byte) (link >>> 8), (byte) link});
        }
    }
}
