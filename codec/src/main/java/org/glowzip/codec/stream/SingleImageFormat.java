package org.glowzip.codec.stream;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.tile.TileFormat;

/**
 * The single-image form, version 5: one image with as little framing as the coder allows.
 * Integers are unsigned big-endian except the varints (unsigned LEB128, see {@link Varint}: seven
 * bits a byte, lowest first, at most 5 bytes, shortest encoding only).
 *
 * <pre>
 *   offset  size  field
 *        0     3  magic 89 47 69 ("\x89Gi"; streams start "\x89GL", model files "\x89GZ")
 *        3     1  flags: high 4 bits, format version = 5; bit 0, 1 = coded, 0 = raw;
 *                 bit 1, 1 = coding parameters follow; bit 2, 1 = metadata follows; bit 3 is 0
 *        4     4  the first 4 bytes of the model fingerprint (SHA-256 of the model file)
 *        8     4  only when flag bit 1 is set: the coding parameters, as bytes 41..44 of a
 *                 stream header ({@link StreamFormat}): fractional bits 8..20, scale bits 8..20,
 *                 prior precision 12..24, pop-free resolution bits 0..20. Without them the image
 *                 was coded with {@link org.glowzip.codec.flow.CodingParameters#DEFAULT}
 *        p   1-5  width, varint (p = 8, or 12 with coding parameters)
 *            1-5  height, varint
 *            1-5  sample format, varint: {@link org.glowzip.codec.image.SampleFormat#code}, 1-4
 *                 channels of 8 bits or 17-20 for 16 bits; the shape as {@link org.glowzip.codec.image.Image} allows
 *            1-5  only when flag bit 2 is set: metadata length k, varint, 1..2^20
 *              k  only when flag bit 2 is set: the metadata, stored as given
 *        q     m  payload, up to the checksum:
 *                 raw: exactly width x height x planes samples, interleaved as Image stores them;
 *                 coded: the rANS lanes ({@link LanePayload}; as many as a stream block's)
 *                 onto which the image's rows of tiles ({@link Tiling}) were dealt and pushed
 *                 exactly as a one-image block of a stream codes them ({@link LanePlan}); less
 *                 than the sample count
 *      q+m     4  CRC32C of bytes 0 .. q+m-1
 * </pre>
 *
 * An image is written coded when its lanes are smaller than its raw samples (and no
 * latent leaves the coder's range), raw otherwise; so the form is never larger than the raw
 * samples plus 15 bytes for images of up to 127 pixels a side, at most 4 more for larger ones,
 * 4 more with coding parameters, and the metadata with its length. A coded 28 x 28 gray image pays 23 bytes besides its tail words:
 * 3 + 1 + 4 + 3 + 4 of framing and its one lane's 8-byte head.
 *
 * <p>A reader checks the magic and the flags, then the checksum, then everything else; an image
 * coded with another model is refused at offset 4, one that names other coding parameters is
 * decoded with them. Nothing proportional to the declared shape is allocated before the checksum
 * has passed and the decoder's sample limit has been checked.
 *
 * <p>Version 4 images are still read: the same layout, coded with a model without a context model
 * on min(rows of tiles, 64) lanes however few tiles each lane gets ({@link TileFormat#LANES}).
 *
 * <p>Version 3 images are still read: the same layout, the payload one message in compact form
 * (the 8-byte head, then its tail words bottom first: the payload of one lane) onto which every
 * tile was pushed, last first ({@link TileFormat#NEIGHBOURS}).
 *
 * <p>Version 2 images are still read: the same layout, their tiles coded each on its own
 * ({@link TileFormat#ISOLATED}) where versions 3 and 4 let the context model see each tile's decoded
 * neighbours ({@link TileFormat#NEIGHBOURS}).
 *
 * <p>Version 1 images are still read: the same layout with version 1 in the flags, flag bit 2
 * clear and a channel count (1 or 3, 8-bit) in place of the sample format.
 */
public final class SingleImageFormat {
    static final byte[] MAGIC = {(byte) 0x89, 'G', 'i'};
    public static final int VERSION = 5;
    static final int FLAGS_OFFSET = 3;
    static final int CODED = 1;
    static final int EXPLICIT_PARAMETERS = 2;
    static final int HAS_METADATA = 4;
    public static final int FINGERPRINT_OFFSET = 4;
    public static final int FINGERPRINT_SIZE = 4;
    static final int PARAMETERS_OFFSET = 8;
    static final int CHECKSUM_SIZE = 4;
    /** The smallest image: a raw 1 x 1 gray one with default parameters. */
    static final int MIN_BYTES = PARAMETERS_OFFSET + 3 + 1 + CHECKSUM_SIZE;
    /** The largest image: parameters, the longest shape varints, the most metadata and {@link Image#MAX_SAMPLES} raw samples. */
    public static final long MAX_BYTES = PARAMETERS_OFFSET + StreamHeader.PARAMETERS_SIZE + 2L * Varint.size(Image.MAX_SIDE) + 1
            + Varint.size(Image.MAX_METADATA) + Image.MAX_METADATA + Image.MAX_SAMPLES + CHECKSUM_SIZE;

    private SingleImageFormat() {
    }

    /**
     * How a coded image of {@code version} codes its tiles: on lanes of every length in version 4,
     * on one message before, isolated before version 3, with a mode bit in version 1.
     */
    static TileFormat tileModes(int version) {
        return version >= 5 ? TileFormat.FUNDED_LANES : version >= 4 ? TileFormat.LANES : version >= 3 ? TileFormat.NEIGHBOURS : version >= 2 ? TileFormat.ISOLATED : TileFormat.MODE_BIT;
    }

    /** True if {@code bytes} start with this form's magic. */
    public static boolean hasMagic(byte[] bytes) {
        return bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /**
     * Reads a whole single image's bytes from {@code in}, refusing to read more than
     * {@link #MAX_BYTES}, so that endless or huge input cannot exhaust memory.
     *
     * @throws MalformedStreamException if the input is longer than any single image
     */
    public static byte[] readAll(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_BYTES);
        if (bytes.length == MAX_BYTES && in.read() >= 0) {
            throw new MalformedStreamException(MAX_BYTES, "longer than any single image (" + MAX_BYTES + " bytes)");
        }
        return bytes;
    }
}
