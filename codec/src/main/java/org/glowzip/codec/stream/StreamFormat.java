package org.glowzip.codec.stream;

import java.util.Arrays;
import org.glowzip.codec.tile.TileFormat;

/**
 * The glowzip stream format, version 7. All integers are unsigned big-endian.
 *
 * <pre>
 * Header, 49 bytes ({@link StreamHeader})
 *   offset  size  field
 *        0     8  magic 89 47 4C 4F 57 5A 0D 0A ("\x89GLOWZ\r\n")
 *        8     1  format version = 7
 *        9    32  model fingerprint: SHA-256 of the model file that codes the blocks (until the
 *                 first model block)
 *       41     1  fractional bits P of the integer flow, 8..20
 *       42     1  scale bits, 8..20
 *       43     1  prior precision, 12..24
 *       44     1  pop-free resolution bits, 0..20
 *       45     4  CRC32C of bytes 0..44: the first link of the checksum chain
 *
 * Blocks, one after another: blocks of images and model blocks. A block of images holds
 * 1..65536 images, at most 2^28 samples in all
 *   offset  size  field
 *        0     1  type: 1 = coded, 2 = raw, 3 = model, 0 = end (see below)
 *        1     4  sequence number: 0 for the first block, then 1, 2, ..., model blocks included
 *        5     4  image count n ({@link BlockHeader})
 *        9     4  run count r, 1..n
 *       13     4  table length t, the bytes of the runs, at most 2^24
 *       17     t  the image table ({@link ImageTable}): runs of images of one shape, sample
 *                 format and metadata, each
 *                   count (4, at least 1; the counts add up to n), width (4), height (4),
 *                   sample format (1, {@link org.glowzip.codec.image.SampleFormat#code}),
 *                   metadata length k (4, at most 2^20), metadata (k bytes)
 *                 sizes as {@link org.glowzip.codec.image.Image} allows; 17 bytes for a run
 *                 without metadata, so a block of same-sized plain images costs one run
 *    17+t     4  payload length m: raw, exactly the block's sample count; coded, less than that plus 16
 *    21+t     m  payload: raw, every image's plane-interleaved samples, in order; coded, the
 *                 rANS lanes ({@link LanePayload}, their count first) onto which the images'
 *                 rows of tiles were dealt and pushed ({@link LanePlan}): 1..min(rows of tiles,
 *                 64) lanes, as the encoder chose ({@link LanePlan.LaneCount#CHOSEN})
 *  21+t+m     4  chained checksum: CRC32C of the previous link (the header's or the previous
 *                 block's checksum, 4 bytes) followed by the block's bytes from its type byte to
 *                 the end of the payload
 *
 * Model block, 45 bytes ({@link ModelBlock}): the blocks after it are coded with the model it names
 *        0     1  type = 3
 *        1     4  sequence number, as a block of images'
 *        5    32  model fingerprint, as header bytes 9..40
 *       37     4  coding parameters, as header bytes 41..44
 *       41     4  chained checksum of bytes 0..40, as a block's
 *
 * End block, 17 bytes ({@link StreamEnd})
 *        0     1  type = 0
 *        1     8  number of images in the stream
 *        9     4  number of blocks in the stream, model blocks included: the sequence number
 *                 the next block would have
 *       13     4  chained checksum of bytes 0..12, as a block's
 * </pre>
 *
 * <p>Model blocks: the header's model and coding parameters code the blocks up to the first model
 * block, and each model block's code those after it, up to the next one. A writer that picks a
 * model per image ({@link ModelChooser}) ends the pending block where the pick changes and writes
 * a model block before the next; so every block of images is coded with one model, and the same
 * images, picks and settings always give the same bytes. A model block is malformed when it names
 * the model and coding parameters already in force (at its fingerprint's offset), when the block
 * after it is not a block of images (another model block or the end block, at that block's type
 * byte), and in a stream of a version before 5 (at its type byte). A reader finds the model a
 * model block names as it finds the header's ({@link ModelResolver}); a fingerprint it does not
 * know is refused at the block's fingerprint offset. Model blocks take their place in the
 * sequence numbers and the checksum chain as blocks of images do, so one reordered, dropped,
 * duplicated or spliced in is refused as a block of images would be.
 *
 * <p>The checksums form a chain: each covers the one before it, so the end block's checksum is a
 * checksum over every block's checksum and the header's. A reader checks, and raises
 * {@link org.glowzip.codec.MalformedStreamException} with the offset for, a block out of its
 * place (reordered, duplicated or dropped: the sequence number, at offset 1 of the block), a
 * block of another stream that holds the right sequence number (the chained checksum), a
 * stream cut at a block boundary (no end block: truncated) and counts that disagree with the
 * blocks read (the end block's fields). A block of another stream is rejected at its own
 * checksum when the two streams differ before it; otherwise (the first block of a stream of the
 * same model and coding parameters, whose header checksum is the same, or a block after equal
 * ones) at the next link, the next block's or the end block's checksum, so a reader may have
 * handed out that block's images before the stream fails. The format holds no random stream
 * identifier, so that the same images and settings always give the same bytes.
 *
 * <p>A block is written raw whenever coding would not make it smaller (or a latent leaves the
 * coder's range), so a stream is never larger than its raw samples plus 66 bytes, plus 25 bytes
 * per block of images, 45 per model block and 17 per run of images of one shape, format and
 * metadata, plus the metadata.
 *
 * <p>A reader checks the header's magic, then its checksum, then the version, so every version
 * keeps this 49-byte header: a damaged version byte is malformed, an intact unknown one is refused.
 *
 * <p>Version 6 streams are still read: the same bytes, but the lane count of a coded payload is
 * not stated: min(rows of tiles, 64) lanes, and for a model without a context model at most
 * max(1, tiles / 256) ({@link LanePlan.LaneCount#implied}).
 *
 * <p>Version 5 streams are still read: the same bytes, but coded blocks of a model without a
 * context model on min(rows of tiles, 64) lanes however few tiles each lane gets
 * ({@link TileFormat#LANES}).
 *
 * <p>Version 4 streams are still read: the same bytes without model blocks (a block of type 3 is
 * malformed there), one model for the whole stream, and a coded payload that is one rANS
 * {@link org.glowzip.codec.ans.Message} in its checked byte form (its word count, head, words and
 * CRC32C) onto which every tile was pushed, last first ({@link TileFormat#NEIGHBOURS}: the plan of
 * one lane, raster order within a tile).
 *
 * <p>Version 3 streams are still read: the same bytes as version 4, but the tiles of their coded blocks were
 * coded each on its own ({@link TileFormat#ISOLATED}), where version 4 and later code the tiles of a group
 * of planes on one canvas so that the context model sees each tile's decoded neighbours
 * ({@link TileFormat#NEIGHBOURS}).
 *
 * <p>Version 2 streams are still read: the same header with version 2, blocks without the
 * sequence number and table length whose runs are 13 bytes (count, width, height, channels 1
 * or 3, 8-bit, no metadata), each block's checksum over its own bytes only, and a 13-byte end
 * block (type 0, the image total (8), its CRC32C); none of the checks between blocks applies.
 */
public final class StreamFormat {
    static final byte[] MAGIC = {(byte) 0x89, 'G', 'L', 'O', 'W', 'Z', '\r', '\n'};
    public static final int VERSION = 7;
    /** The oldest version still read. */
    public static final int OLDEST_VERSION = 2;
    public static final int HEADER_SIZE = 49;
    public static final int VERSION_OFFSET = 8;
    public static final int FINGERPRINT_OFFSET = 9;
    public static final int FINGERPRINT_SIZE = 32;
    public static final int PARAMETERS_OFFSET = 41;
    public static final int CHECKSUM_SIZE = 4;

    public static final int END = 0;
    public static final int CODED = 1;
    public static final int RAW = 2;
    /** A model block: the model of the blocks after it. */
    public static final int MODEL = 3;

    public static final int MAX_BLOCK_IMAGES = 1 << 16;
    public static final long MAX_BLOCK_SAMPLES = 1L << 28;
    /** The first version with block sequence numbers, sample formats, metadata and the checksum chain. */
    static final int CHAINED_VERSION = 3;
    /** Most bytes of one block's image table. */
    public static final int MAX_TABLE_BYTES = 1 << 24;
    /** A coded payload may exceed the raw size by at most a message's framing. */
    public static final int MESSAGE_OVERHEAD = 16;

    /** The first version whose context-coded tiles see their decoded neighbours. */
    static final int NEIGHBOURS_VERSION = 4;
    /** The first version with model blocks. */
    static final int MODELS_VERSION = 5;

    /** The first version whose coded payloads are lanes. */
    static final int LANES_VERSION = 5;
    /** The first version whose model without a context model codes on lanes that fund its Glow bits-back. */
    static final int FUNDED_LANES_VERSION = 6;
    /** The first version whose coded payloads state their lane count. */
    static final int STATED_LANES_VERSION = 7;

    /**
     * How a coded block of {@code version} codes its tiles: on lanes of every length in version 5,
     * on one message before, isolated before version 4, with a mode bit before version 3.
     */
    public static TileFormat tileModes(int version) {
        return version >= FUNDED_LANES_VERSION ? TileFormat.FUNDED_LANES : version >= LANES_VERSION ? TileFormat.LANES : version >= NEIGHBOURS_VERSION ? TileFormat.NEIGHBOURS : version >= CHAINED_VERSION ? TileFormat.ISOLATED : TileFormat.MODE_BIT;
    }

    /** Whether a coded block of {@code version} states its lane count ({@link LanePayload#readStated}): from version 7 on. */
    static boolean statesLaneCount(int version) {
        return version >= STATED_LANES_VERSION;
    }

    /** True if this reader reads streams of {@code version}. */
    public static boolean isReadable(int version) {
        return version >= OLDEST_VERSION && version <= VERSION;
    }

    private StreamFormat() {
    }

    /** The eight bytes every stream starts with. */
    public static byte[] magic() {
        return MAGIC.clone();
    }

    /** True if {@code bytes} start with the magic, or with as much of it as they hold (at least one byte). */
    public static boolean startsLikeStream(byte[] bytes) {
        int n = Math.min(bytes.length, MAGIC.length);
        return n > 0 && Arrays.equals(bytes, 0, n, MAGIC, 0, n);
    }
}
