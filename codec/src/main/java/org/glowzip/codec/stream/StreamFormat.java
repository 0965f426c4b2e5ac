package org.glowzip.codec.stream;

/**
 * The glowzip stream format, version 2. All integers are unsigned big-endian.
 *
 * <pre>
 * Header, 49 bytes
 *   offset  size  field
 *        0     8  magic 89 47 4C 4F 57 5A 0D 0A ("\x89GLOWZ\r\n")
 *        8     1  format version = 2
 *        9    32  model fingerprint: SHA-256 of the model file that codes the blocks
 *       41     1  fractional bits P of the integer flow, 8..20
 *       42     1  scale bits, 8..20
 *       43     1  prior precision, 12..24
 *       44     1  pop-free resolution bits, 0..20
 *       45     4  CRC32C of bytes 0..44
 *
 * Blocks, one after another; a block holds 1..65536 images, at most 2^28 samples in all
 *   offset  size  field
 *        0     1  type: 1 = coded, 2 = raw, 0 = end (see below)
 *        1     4  image count n
 *        5     4  run count r, 1..n
 *        9   13r  the image table ({@link ImageTable}): runs of images of one shape, each
 *                 count (4, at least 1; the counts add up to n), width (4), height (4),
 *                 channels (1); sizes as {@link org.glowzip.codec.image.Image} allows
 *    9+13r     4  payload length m: raw, exactly the block's sample count; coded, less than that plus 16
 *   13+13r     m  payload: raw, every image's interleaved samples, in order; coded, one rANS
 *                 {@link org.glowzip.codec.ans.Message} (with its own length and CRC32C) onto which
 *                 the images' tiles were pushed last image first, so they pop in order
 * 13+13r+m     4  CRC32C of the block's bytes from its type byte to the end of the payload
 *
 * End block, 13 bytes
 *        0     1  type = 0
 *        1     8  total number of images in the stream
 *        9     4  CRC32C of bytes 0..8 of the end block
 * </pre>
 *
 * A block is written raw whenever coding would not make it smaller (or a latent leaves the
 * coder's range), so a stream is never larger than its raw samples plus 62 bytes, plus 17 bytes
 * per block and 13 per run of same-shaped images.
 */
public final class StreamFormat {
    static final byte[] MAGIC = {(byte) 0x89, 'G', 'L', 'O', 'W', 'Z', '\r', '\n'};
    public static final int VERSION = 2;
    public static final int HEADER_SIZE = 49;
    public static final int VERSION_OFFSET = 8;
    public static final int FINGERPRINT_OFFSET = 9;
    public static final int FINGERPRINT_SIZE = 32;
    public static final int CHECKSUM_SIZE = 4;

    public static final int END = 0;
    public static final int CODED = 1;
    public static final int RAW = 2;

    public static final int MAX_BLOCK_IMAGES = 1 << 16;
    public static final long MAX_BLOCK_SAMPLES = 1L << 28;
    /** Bytes of one run of the image table. */
    public static final int RUN_SIZE = 13;
    /** A coded payload may exceed the raw size by at most a message's framing. */
    public static final int MESSAGE_OVERHEAD = 16;
    /** Bytes of the end block after its type byte: the image total and the CRC32C. */
    public static final int END_REST = 12;

    private StreamFormat() {
    }

    /** The eight bytes every stream starts with. */
    public static byte[] magic() {
        return MAGIC.clone();
    }
}
