package org.glowzip.codec.input;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.glowzip.codec.MalformedStreamException;

/**
 * The header of an IDX file, the format MNIST and Fashion-MNIST are published in:
 *
 * <pre>
 * offset  size  field
 * 0       2     zero bytes
 * 2       1     data type: 0x08 unsigned byte, 0x09 signed byte, 0x0B 16-bit, 0x0C 32-bit integer,
 *               0x0D float, 0x0E double
 * 3       1     number of dimensions, 1..255
 * 4       4*n   the size of each dimension, big-endian unsigned 32-bit integers
 * 4+4*n         the data, big-endian, the last dimension varying fastest
 * </pre>
 *
 * Images are unsigned bytes in 3 dimensions (magic {@code 00 00 08 03}): count, rows, columns;
 * labels are unsigned bytes in 1 dimension ({@code 00 00 08 01}).
 */
public final class IdxHeader {
    public static final int UNSIGNED_BYTE = 0x08;
    /** Bytes of the magic: the zero bytes, the type and the dimension count. */
    static final int MAGIC_BYTES = 4;
    private static final int[] TYPES = {0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E};

    private final int type;
    private final long[] sizes;

    private IdxHeader(int type, long[] sizes) {
        this.type = type;
        this.sizes = sizes;
    }

    /** A header of unsigned bytes of these dimension sizes: {@code (count, rows, columns)} for images, {@code (count)} for labels. */
    public static IdxHeader unsignedBytes(long... sizes) {
        if (sizes.length < 1 || sizes.length > 255 || Arrays.stream(sizes).anyMatch(size -> size < 0 || size > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("IDX sizes must be 1 to 255 unsigned 32-bit numbers: " + Arrays.toString(sizes));
        }
        return new IdxHeader(UNSIGNED_BYTE, sizes.clone());
    }

    /** True if {@code head} (at least {@value #MAGIC_BYTES} bytes) starts like an IDX file. */
    static boolean hasMagic(byte[] head) {
        return head[0] == 0 && head[1] == 0 && Arrays.stream(TYPES).anyMatch(type -> type == (head[2] & 0xFF)) && head[3] != 0;
    }

    /**
     * Reads a header from {@code in}, which is left at the first data byte.
     *
     * @param name what {@code in} is, for messages
     * @throws MalformedStreamException if the magic is wrong or the header is truncated
     */
    public static IdxHeader read(InputStream in, String name) throws IOException {
        byte[] magic = in.readNBytes(MAGIC_BYTES);
        if (magic.length < MAGIC_BYTES) {
            throw new MalformedStreamException(magic.length, name + ": IDX header truncated: " + magic.length + " of at least "
                    + MAGIC_BYTES + " bytes");
        }
        if (!hasMagic(magic)) {
            throw new MalformedStreamException(0, name + ": not an IDX file (magic " + HexFormat.ofDelimiter(" ").formatHex(magic) + ")");
        }
        int dimensions = magic[3] & 0xFF;
        byte[] bytes = in.readNBytes(4 * dimensions);
        if (bytes.length < 4 * dimensions) {
            throw new MalformedStreamException(MAGIC_BYTES + bytes.length, name + ": IDX header truncated: " + (MAGIC_BYTES + bytes.length)
                    + " of " + (MAGIC_BYTES + 4 * dimensions) + " bytes");
        }
        long[] sizes = new long[dimensions];
        for (int d = 0; d < dimensions; d++) {
            sizes[d] = (bytes[4 * d] & 0xFFL) << 24 | (bytes[4 * d + 1] & 0xFFL) << 16 | (bytes[4 * d + 2] & 0xFFL) << 8 | bytes[4 * d + 3] & 0xFFL;
        }
        return new IdxHeader(magic[2] & 0xFF, sizes);
    }

    /** Writes this header; the data are the caller's to write after it. */
    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(type << 8 | sizes.length);
        for (long size : sizes) {
            data.writeInt((int) size);
        }
        data.flush();
    }

    public int type() {
        return type;
    }

    public int dimensions() {
        return sizes.length;
    }

    /** The size of dimension {@code d}, 0 being the outermost (the count of images or labels). */
    public long size(int d) {
        return sizes[d];
    }

    /** Bytes of this header; the data start at this offset. */
    public int bytes() {
        return MAGIC_BYTES + 4 * sizes.length;
    }

    /** True if the data are unsigned bytes in {@code dimensions} dimensions. */
    public boolean isUnsignedBytes(int dimensions) {
        return type == UNSIGNED_BYTE && sizes.length == dimensions;
    }

    /** "IDX of type 0x08 with 3 dimensions". */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "IDX of type 0x%02x with %d dimensions", type, sizes.length);
    }
}
