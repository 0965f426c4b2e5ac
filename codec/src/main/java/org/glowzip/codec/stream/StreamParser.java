package org.glowzip.codec.stream;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.glowzip.codec.MalformedStreamException;

/**
 * The one parser of glowzip streams ({@link StreamFormat}), pushed one unit at a time and doing
 * no I/O: {@link GlowzipReader} pulls units from an input stream, the server's pipeline from its
 * channel. The caller asks {@link #needed()} for the size of the next unit, gathers exactly that
 * many bytes and hands them to {@link #accept}, which returns the {@link Event} they complete, if
 * any.
 *
 * <p>Units: the header; per block of images its type byte, its {@link BlockHeader} fields, its
 * {@link ImageTable}, its payload length, then payload and checksum together; per model block its
 * type byte, then its fields and checksum together; after an end type byte, the end block's counts
 * and checksum. Every count and size is range-checked before the
 * caller is asked for the bytes it announces, so a damaged or forged length can reserve no
 * memory; a block's payload is handed on only once the checksum chain has passed. Every problem
 * raises {@link MalformedStreamException} with its offset, after which the parser accepts
 * nothing more.
 */
public final class StreamParser {
    /** What a unit completes. */
    public sealed interface Event permits Header, Model, Table, Block, End {
    }

    /** The stream's header, of a version this parser reads. */
    public record Header(StreamHeader header) implements Event {
        /** The model of the blocks before the first model block. */
        public Model model() {
            return Model.of(header);
        }
    }

    /**
     * A model block whose checksum has passed: the blocks after it are coded with {@code model}.
     * Also the model a header names, for the blocks before the first model block.
     *
     * @param offset the stream offset of the fingerprint that names the model, for errors
     */
    public record Model(StreamModel model, long offset) implements Event {
        /** The model {@code header} names, at its fingerprint's offset. */
        public static Model of(StreamHeader header) {
            return new Model(header.model(), StreamFormat.FINGERPRINT_OFFSET);
        }
    }

    /**
     * A block's image table, before its payload is asked for: the place to check limits.
     *
     * @param offset the stream offset of the table
     */
    public record Table(BlockHeader block, ImageTable table, long offset) implements Event {
    }

    /**
     * A whole block whose checksum has passed.
     *
     * @param payloadOffset the stream offset of the payload, for errors
     * @param model         the model the payload is coded with: the header's or the last model block's
     */
    public record Block(BlockHeader block, ImageTable table, byte[] payload, long payloadOffset, Model model) implements Event {
        public boolean isRaw() {
            return block.type() == StreamFormat.RAW;
        }
    }

    /** The end block, its counts and checksum verified: the stream is complete. */
    public record End(long images, long blocks) implements Event {
    }

    private enum Unit { HEADER, TYPE, FIELDS, TABLE, PAYLOAD_LENGTH, PAYLOAD, MODEL, END, FINISHED, FAILED }

    private Unit unit = Unit.HEADER;
    private int needed = StreamFormat.HEADER_SIZE;
    private long offset;
    private int version;
    private ChecksumChain chain;
    private long blockStart;
    private int blockType;
    private BlockHeader block;
    private ImageTable table;
    private Model model;
    private boolean switchPending;
    private long images;
    private long blocks;

    /** Size in bytes of the next unit; 0 when the stream is finished or failed. */
    public int needed() {
        return unit == Unit.FINISHED || unit == Unit.FAILED ? 0 : needed;
    }

    /** Bytes accepted so far. */
    public long offset() {
        return offset;
    }

    /** True after the end block. */
    public boolean finished() {
        return unit == Unit.FINISHED;
    }

    /** True after a problem. */
    public boolean failed() {
        return unit == Unit.FAILED;
    }

    /** The stream's version, once its header has been accepted. */
    public int version() {
        return version;
    }

    /**
     * Takes the next unit, exactly {@link #needed()} bytes.
     *
     * @return the event the unit completes, or {@code null}
     * @throws MalformedStreamException if the bytes are damaged, out of place or not a stream
     *         of a version this parser reads
     */
    public Event accept(byte[] bytes) throws MalformedStreamException {
        if (needed() == 0) {
            throw new IllegalStateException("the stream is " + (finished() ? "finished" : "failed"));
        }
        if (bytes.length != needed) {
            throw new IllegalArgumentException("unit of " + bytes.length + " bytes, " + needed + " expected");
        }
        try {
            Event event = step(bytes);
            offset += bytes.length;
            return event;
        } catch (MalformedStreamException | RuntimeException e) {
            unit = Unit.FAILED;
            throw e;
        }
    }

    /** The error for input that ends with {@code available} bytes of the next unit (fewer than needed). */
    public MalformedStreamException truncated(long available) {
        MalformedStreamException truncated = new MalformedStreamException(offset + available, "stream truncated in " + describe() + ": "
                + available + " of " + needed + " bytes");
        unit = Unit.FAILED;
        return truncated;
    }

    /** The error for bytes after the end block. */
    public MalformedStreamException trailingData() {
        unit = Unit.FAILED;
        return new MalformedStreamException(offset, "data after the end block");
    }

    private String describe() {
        return switch (unit) {
            case HEADER -> "header";
            case TYPE -> "block type";
            case FIELDS, PAYLOAD_LENGTH -> "block header";
            case TABLE -> "image table";
            case PAYLOAD -> "block payload";
            case MODEL -> "model block";
            case END -> "end block";
            default -> unit.name();
        };
    }

    private Event step(byte[] bytes) throws MalformedStreamException {
        switch (unit) {
            case HEADER -> {
                StreamHeader header = StreamHeader.read(bytes);
                if (!StreamFormat.isReadable(header.version())) {
                    throw new MalformedStreamException(StreamFormat.VERSION_OFFSET, "unsupported stream version " + header.version()
                            + ", this reader reads " + StreamFormat.OLDEST_VERSION + " to " + StreamFormat.VERSION);
                }
                version = header.version();
                chain = new ChecksumChain(version, header.checksum());
                model = Model.of(header);
                to(Unit.TYPE, 1);
                return new Header(header);
            }
            case TYPE -> {
                blockStart = offset;
                chain.update(bytes);
                blockType = bytes[0] & 0xFF;
                if (blockType == StreamFormat.END) {
                    if (switchPending) {
                        throw unfollowedSwitch(offset, "the end block");
                    }
                    to(Unit.END, StreamEnd.size(version) + StreamFormat.CHECKSUM_SIZE);
                } else if (blockType == StreamFormat.CODED || blockType == StreamFormat.RAW) {
                    switchPending = false;
                    to(Unit.FIELDS, BlockHeader.size(version));
                } else if (blockType == StreamFormat.MODEL && version >= StreamFormat.MODELS_VERSION) {
                    to(Unit.MODEL, ModelBlock.SIZE + StreamFormat.CHECKSUM_SIZE);
                } else if (blockType == StreamFormat.MODEL) {
                    throw new MalformedStreamException(offset, "a model block in a version " + version + " stream: model blocks begin with version "
                            + StreamFormat.MODELS_VERSION);
                } else {
                    throw new MalformedStreamException(offset, "unknown block type " + blockType);
                }
            }
            case FIELDS -> {
                chain.update(bytes);
                block = BlockHeader.read(blockType, bytes, version, blocks, blockStart);
                to(Unit.TABLE, block.tableLength());
            }
            case TABLE -> {
                chain.update(bytes);
                table = ImageTable.read(bytes, block, version, offset);
                to(Unit.PAYLOAD_LENGTH, 4);
                return new Table(block, table, offset);
            }
            case PAYLOAD_LENGTH -> {
                chain.update(bytes);
                long length = ByteBuffer.wrap(bytes).getInt() & 0xFFFF_FFFFL;
                boolean raw = block.type() == StreamFormat.RAW;
                long samples = table.samples();
                if (raw ? length != samples : length >= samples + StreamFormat.MESSAGE_OVERHEAD) {
                    throw new MalformedStreamException(offset, "payload length " + length + " does not fit a "
                            + (raw ? "raw" : "coded") + " block of " + samples + " samples");
                }
                to(Unit.PAYLOAD, (int) length + StreamFormat.CHECKSUM_SIZE);
            }
            case PAYLOAD -> {
                int length = bytes.length - StreamFormat.CHECKSUM_SIZE;
                chain.update(bytes, 0, length);
                verifyChecksum(bytes, offset + length, "block");
                byte[] payload = Arrays.copyOf(bytes, length);
                images += table.images();
                blocks++;
                to(Unit.TYPE, 1);
                return new Block(block, table, payload, offset, model);
            }
            case MODEL -> {
                int length = bytes.length - StreamFormat.CHECKSUM_SIZE;
                BlockHeader.requireSequence(ByteBuffer.wrap(bytes).getInt() & 0xFFFF_FFFFL, blocks, blockStart);
                chain.update(bytes, 0, length);
                verifyChecksum(bytes, offset + length, "model block");
                if (switchPending) {
                    throw unfollowedSwitch(blockStart, "another model block");
                }
                StreamModel named = ModelBlock.model(bytes, blockStart);
                long fingerprintOffset = blockStart + ModelBlock.FINGERPRINT_OFFSET;
                if (named.equals(model.model())) {
                    throw new MalformedStreamException(fingerprintOffset, "a model block naming the model already in force");
                }
                model = new Model(named, fingerprintOffset);
                switchPending = true;
                blocks++;
                to(Unit.TYPE, 1);
                return model;
            }
            case END -> {
                int length = bytes.length - StreamFormat.CHECKSUM_SIZE;
                chain.update(bytes, 0, length);
                verifyChecksum(bytes, offset + length, "end block");
                StreamEnd.verify(bytes, version, images, blocks, blockStart);
                to(Unit.FINISHED, 0);
                return new End(images, blocks);
            }
            default -> throw new IllegalStateException(unit.name());
        }
        return null;
    }

    /** The error for a model block followed by {@code next} at {@code at}, not by a block of images. */
    private static MalformedStreamException unfollowedSwitch(long at, String next) {
        return new MalformedStreamException(at, "a model block followed by " + next + ": a model block must be followed by a block of images");
    }

    private void verifyChecksum(byte[] bytes, long at, String what) throws MalformedStreamException {
        int stored = ByteBuffer.wrap(bytes).getInt(bytes.length - StreamFormat.CHECKSUM_SIZE);
        if (stored != chain.value()) {
            throw new MalformedStreamException(at, what + " checksum mismatch: damaged" + (version >= StreamFormat.CHAINED_VERSION ? ", or a block of another stream" : ""));
        }
        chain.next();
    }

    private void to(Unit next, int bytes) {
        unit = next;
        needed = bytes;
    }
}
