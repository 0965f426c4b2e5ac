package org.glowzip.server.codec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.model.ModelFile;
import org.glowzip.codec.stream.GlowzipReader;
import org.glowzip.codec.stream.ImageShape;
import org.glowzip.codec.stream.ImageTable;
import org.glowzip.codec.stream.StreamFormat;

/**
 * A glowzip stream decoder driven by its caller, one unit at a time, with no I/O of its own: the
 * state machine behind {@link GlowDecoder} and the server's decompress endpoint.
 *
 * <p>The caller asks {@link #needed()} for the size of the next unit, gathers exactly that many
 * bytes and hands them to {@link #accept}, which returns the images they complete. Units follow
 * the layout of {@link StreamLayout}: the header; per block its type byte, image count, image
 * table, payload length, then payload and CRC32C together; or, after an end type byte, the image
 * total and CRC32C. Every count and size is range-checked against the format and the
 * {@link DecodeLimits} <em>before</em> the caller is asked for the bytes it announces, so a
 * damaged or hostile length can reserve neither memory nor flow work. The stream's model is
 * picked by the fingerprint in its header. Checksums and the coded payloads are verified and
 * decoded by the codec's {@link GlowzipReader}, fed unit by unit.
 *
 * <p>After a problem the unpacker is {@link State#CORRUPTED} and accepts nothing more.
 */
public final class StreamUnpacker {
    private static final byte[] MAGIC = StreamFormat.magic();

    /** Where in the stream the unpacker is; the name says what the next unit is. */
    public enum State { HEADER, BLOCK_TYPE, BLOCK_COUNT, IMAGE_TABLE, PAYLOAD_LENGTH, PAYLOAD, END_BLOCK, FINISHED, CORRUPTED }

    private final Map<String, ModelFile> models = new LinkedHashMap<>();
    private final DecodeLimits limits;
    private final FeedInputStream feed = new FeedInputStream();
    private GlowzipReader reader;
    private ModelFile model;
    private State state = State.HEADER;
    private long offset;
    private int blockType;
    private int blockImages;
    private long blockSamples;
    private long streamSamples;
    private long streamImages;
    private int needed = StreamFormat.HEADER_SIZE;

    /** An unpacker for streams coded with any of {@code models}, within {@code limits}. */
    public StreamUnpacker(Collection<ModelFile> models, DecodeLimits limits) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model to decode with");
        }
        for (ModelFile m : models) {
            this.models.put(m.fingerprintHex(), m);
        }
        this.limits = limits;
    }

    public State state() {
        return state;
    }

    /** Bytes of the stream accepted so far. */
    public long offset() {
        return offset;
    }

    /** Images returned so far. */
    public long imageCount() {
        return streamImages;
    }

    /** The model of the stream, once its header has been accepted; else {@code null}. */
    public ModelFile model() {
        return model;
    }

    /** Size in bytes of the next unit; 0 when the stream is finished or corrupted. */
    public int needed() {
        return state == State.FINISHED || state == State.CORRUPTED ? 0 : needed;
    }

    /**
     * Takes the next unit, exactly {@link #needed()} bytes, and returns the images it completes
     * (usually none; a whole block's at its payload).
     *
     * @throws MalformedStreamException if the bytes are damaged, truncated or not a glowzip stream
     * @throws UnsupportedStreamException if the stream is intact but of another model or version
     * @throws LimitExceededException if the stream asks for more than the limits allow
     */
    public List<Image> accept(byte[] unit) throws IOException {
        if (state == State.FINISHED || state == State.CORRUPTED) {
            throw new IllegalStateException("unpacker is " + state);
        }
        if (unit.length != needed) {
            throw new IllegalArgumentException("unit of " + unit.length + " bytes, " + needed + " expected in state " + state);
        }
        try {
            List<Image> images = step(unit);
            offset += unit.length;
            return images;
        } catch (IOException | RuntimeException e) {
            state = State.CORRUPTED;
            feed.clear();
            throw e;
        }
    }

    /**
     * The error for a stream that ended here, or {@code null} if it ended cleanly (after the end
     * block, or before its first byte when {@code emptyIsClean}).
     */
    public MalformedStreamException endOfInput(long available, boolean emptyIsClean) {
        if (state == State.FINISHED || state == State.CORRUPTED || (emptyIsClean && offset == 0 && available == 0)) {
            return null;
        }
        MalformedStreamException truncated = new MalformedStreamException(offset + available, "stream truncated in " + describe() + ": "
                + available + " of " + needed + " bytes");
        state = State.CORRUPTED;
        return truncated;
    }

    /** The error for bytes after the end block. */
    public MalformedStreamException trailingData() {
        state = State.CORRUPTED;
        return new MalformedStreamException(offset, "data after the end block");
    }

    private String describe() {
        return switch (state) {
            case HEADER -> "header";
            case BLOCK_TYPE -> "block type";
            case BLOCK_COUNT, PAYLOAD_LENGTH -> "block header";
            case IMAGE_TABLE -> "image table";
            case PAYLOAD -> "block payload";
            case END_BLOCK -> "end block";
            default -> state.name();
        };
    }

    private List<Image> step(byte[] unit) throws IOException {
        switch (state) {
            case HEADER -> header(unit);
            case BLOCK_TYPE -> {
                blockType = unit[0] & 0xFF;
                if (blockType == StreamFormat.END) {
                    feed.feed(unit);
                    to(State.END_BLOCK, StreamFormat.END_REST);
                } else if (blockType == StreamFormat.CODED || blockType == StreamFormat.RAW) {
                    feed.feed(unit);
                    to(State.BLOCK_COUNT, 8);
                } else {
                    throw new MalformedStreamException(offset, "unknown block type " + blockType);
                }
            }
            case BLOCK_COUNT -> {
                long count = uint(unit, 0);
                if (count < 1 || count > StreamFormat.MAX_BLOCK_IMAGES) {
                    throw new MalformedStreamException(offset, "block image count " + count + " outside 1.." + StreamFormat.MAX_BLOCK_IMAGES);
                }
                blockImages = (int) count;
                long runs = uint(unit, 4);
                ImageTable.checkRunCount(runs, blockImages, offset + 4);
                feed.feed(unit);
                to(State.IMAGE_TABLE, (int) runs * StreamFormat.RUN_SIZE);
            }
            case IMAGE_TABLE -> {
                imageTable(unit);
                feed.feed(unit);
                to(State.PAYLOAD_LENGTH, 4);
            }
            case PAYLOAD_LENGTH -> {
                long length = uint(unit, 0);
                boolean raw = blockType == StreamFormat.RAW;
                if (raw ? length != blockSamples : length >= blockSamples + StreamFormat.MESSAGE_OVERHEAD) {
                    throw new MalformedStreamException(offset, "payload length " + length + " does not fit a "
                            + (raw ? "raw" : "coded") + " block of " + blockSamples + " samples");
                }
                feed.feed(unit);
                to(State.PAYLOAD, (int) length + StreamFormat.CHECKSUM_SIZE);
            }
            case PAYLOAD -> {
                feed.feed(unit);
                List<Image> images = new ArrayList<>(blockImages);
                for (int i = 0; i < blockImages; i++) {
                    Image image = reader.read();
                    if (image == null) {
                        throw new MalformedStreamException(offset, "block ended after " + i + " of " + blockImages + " images");
                    }
                    images.add(image);
                }
                streamImages += blockImages;
                to(State.BLOCK_TYPE, 1);
                return images;
            }
            case END_BLOCK -> {
                feed.feed(unit);
                if (reader.read() != null) {
                    throw new IllegalStateException("reader returned an image at the end block");
                }
                state = State.FINISHED;
            }
            default -> throw new IllegalStateException(state.name());
        }
        return List.of();
    }

    private void header(byte[] unit) throws IOException {
        if (!Arrays.equals(unit, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new MalformedStreamException(0, "not a glowzip stream (bad magic)");
        }
        // a damaged version or fingerprint is malformed, not foreign: check the header's CRC32C first
        CRC32C crc = new CRC32C();
        crc.update(unit, 0, StreamFormat.HEADER_SIZE - StreamFormat.CHECKSUM_SIZE);
        if ((int) crc.getValue() != (int) uint(unit, StreamFormat.HEADER_SIZE - StreamFormat.CHECKSUM_SIZE)) {
            throw new MalformedStreamException(StreamFormat.HEADER_SIZE - StreamFormat.CHECKSUM_SIZE, "header checksum mismatch");
        }
        int version = unit[StreamFormat.VERSION_OFFSET] & 0xFF;
        if (version != StreamFormat.VERSION) {
            throw new UnsupportedStreamException(StreamFormat.VERSION_OFFSET, "stream format version " + version
                    + ", this decoder reads " + StreamFormat.VERSION);
        }
        String fingerprint = HexFormat.of().formatHex(unit, StreamFormat.FINGERPRINT_OFFSET,
                StreamFormat.FINGERPRINT_OFFSET + StreamFormat.FINGERPRINT_SIZE);
        ModelFile found = models.get(fingerprint);
        if (found == null) {
            throw new UnsupportedStreamException(StreamFormat.FINGERPRINT_OFFSET, "stream was coded with model "
                    + fingerprint.substring(0, 16) + "..., which is not loaded here (loaded: "
                    + String.join(", ", models.keySet().stream().map(f -> f.substring(0, 16) + "...").toList()) + ")");
        }
        model = found;
        feed.feed(unit);
        reader = new GlowzipReader(feed, model);
        to(State.BLOCK_TYPE, 1);
    }

    private void imageTable(byte[] unit) throws IOException {
        ImageTable table = ImageTable.decode(unit, blockImages, offset);
        for (ImageShape shape : table.shapes()) {
            if ((long) shape.width() * shape.height() > limits.maxPixelsPerImage()) {
                throw new LimitExceededException(offset, LimitExceededException.Limit.PIXELS_PER_IMAGE, "image of " + shape.width() + "x" + shape.height()
                        + " pixels exceeds the limit of " + limits.maxPixelsPerImage() + " pixels");
            }
        }
        long samples = table.samples();
        if (samples > limits.maxBlockSamples()) {
            throw new LimitExceededException(offset, LimitExceededException.Limit.BLOCK_SAMPLES, "block exceeds the limit of " + limits.maxBlockSamples() + " samples");
        }
        if (streamSamples + samples > limits.maxStreamSamples()) {
            throw new LimitExceededException(offset, LimitExceededException.Limit.STREAM_SAMPLES, "stream exceeds the limit of " + limits.maxStreamSamples() + " samples");
        }
        blockSamples = samples;
        streamSamples += samples;
    }

    private void to(State next, int bytes) {
        state = next;
        needed = bytes;
    }

    private static long uint(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }
}
