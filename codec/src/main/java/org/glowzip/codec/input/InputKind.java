package org.glowzip.codec.input;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.glowzip.codec.image.ImageFormat;

/** What an input holds, recognized from its first bytes ({@link #SNIFF_BYTES} of them), never from its name. */
enum InputKind {
    /** PNG ({@code 89 50 4E 47}), PGM ({@code P5}) or PPM ({@code P6}): {@link ImageFormat#detect}. */
    IMAGE,
    /** An IDX file: two zero bytes, then a data type and a dimension count ({@link IdxHeader}). */
    IDX,
    /** gzip: {@code 1F 8B}. */
    GZIP,
    /** tar: {@code ustar} at byte 257 (POSIX ustar, GNU and pax archives). */
    TAR,
    /** zip: a local file header {@code PK 03 04}, or an empty archive's end record {@code PK 05 06}. */
    ZIP;

    /** Bytes enough to recognize every kind: a tar header record. */
    static final int SNIFF_BYTES = 512;

    private static final int TAR_MAGIC_OFFSET = 257;
    private static final byte[] TAR_MAGIC = "ustar".getBytes(StandardCharsets.US_ASCII);

    /** The kind of an input that starts with {@code head}, or {@code null} if it is none of these. */
    static InputKind of(byte[] head) {
        if (ImageFormat.detect(head) != null) {
            return IMAGE;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return GZIP;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6)) {
            return ZIP;
        }
        if (head.length >= TAR_MAGIC_OFFSET + TAR_MAGIC.length
                && Arrays.equals(head, TAR_MAGIC_OFFSET, TAR_MAGIC_OFFSET + TAR_MAGIC.length, TAR_MAGIC, 0, TAR_MAGIC.length)) {
            return TAR;
        }
        if (head.length >= IdxHeader.MAGIC_BYTES && IdxHeader.hasMagic(head)) {
            return IDX;
        }
        return null;
    }

    /** True if {@code head} holds only zero bytes: an empty tar archive at most, and no images. */
    static boolean onlyZeros(byte[] head) {
        for (byte b : head) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
