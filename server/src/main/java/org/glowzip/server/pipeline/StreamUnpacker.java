package org.glowzip.server.pipeline;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.stream.BlockDecoder;
import org.glowzip.codec.stream.ImageShape;
import org.glowzip.codec.stream.ImageTable;
import org.glowzip.codec.stream.StreamFormat;
import org.glowzip.codec.stream.StreamHeader;
import org.glowzip.codec.stream.StreamModel;
import org.glowzip.codec.stream.StreamParser;
import org.glowzip.codec.tile.TileCoder;

/**
 * A glowzip stream decoder driven by its caller, one unit at a time, with no I/O of its own: the
 * state machine behind {@link GlowDecoder} and the server's decompress endpoint.
 *
 * <p>The caller asks {@link #needed()} for the size of the next unit, gathers exactly that many
 * bytes and hands them to {@link #accept}, which returns the images they complete. The units,
 * and every check of the format, are the codec's {@link StreamParser}'s (layout in
 * {@link StreamFormat}); this class adds the server's policy: the stream's models are picked by
 * the fingerprints in its header and its model blocks, and each block's image table is checked against the
 * {@link DecodeLimits} before the caller is asked for the payload it announces, so a damaged or
 * hostile length can reserve neither memory nor flow work.
 *
 * <p>After a problem the unpacker is {@link State#CORRUPTED} and accepts nothing more.
 */
public final class StreamUnpacker {
    /** Where the unpacker is. */
    public enum State { DECODING, FINISHED, CORRUPTED }

    private final Map<String, ImageCodec> codecs = new LinkedHashMap<>();
    private final DecodeLimits limits;
    private final StreamParser parser = new StreamParser();
    private BlockDecoder decoder;
    private long streamSamples;
    private long streamImages;
    private boolean refused;

    /**
     * An unpacker for streams coded with the model of any of {@code codecs} (whose tile coders it
     * decodes with, rather than building its own), within {@code limits}.
     */
    public StreamUnpacker(Collection<ImageCodec> codecs, DecodeLimits limits) {
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("no model to decode with");
        }
        for (ImageCodec codec : codecs) {
            this.codecs.put(codec.model().fingerprintHex(), codec);
        }
        this.limits = limits;
    }

    public State state() {
        return refused || parser.failed() ? State.CORRUPTED : parser.finished() ? State.FINISHED : State.DECODING;
    }

    /** Bytes of the stream accepted so far. */
    public long offset() {
        return parser.offset();
    }

    /** Images returned so far. */
    public long imageCount() {
        return streamImages;
    }

    /** Size in bytes of the next unit; 0 when the stream is finished or corrupted. */
    public int needed() {
        return refused ? 0 : parser.needed();
    }

    /**
     * Takes the next unit, exactly {@link #needed()} bytes, and returns the images it completes
     * (usually none; a whole block's at its payload).
     *
     * @throws MalformedStreamException if the bytes are damaged, truncated or not a glowzip stream
     * @throws UnsupportedStreamException if the stream is intact but of a version not read here, or
     *         names a model (in its header or a model block) not loaded here
     * @throws LimitExceededException if the stream asks for more than the limits allow
     */
    public List<Image> accept(byte[] unit) throws IOException {
        if (state() != State.DECODING) {
            throw new IllegalStateException("unpacker is " + state());
        }
        try {
            if (parser.offset() == 0 && unit.length == parser.needed()) {
                selectModel(StreamHeader.read(unit));
            }
            StreamParser.Event event = parser.accept(unit);
            if (event instanceof StreamParser.Model switched) {
                decoder.use(switched);
            } else if (event instanceof StreamParser.Table table) {
                checkLimits(table.table(), table.offset());
            } else if (event instanceof StreamParser.Block block) {
                List<Image> images = decoder.decode(block);
                streamImages += images.size();
                return images;
            }
            return List.of();
        } catch (IOException | RuntimeException e) {
            refused = true;
            throw e;
        }
    }

    /**
     * The error for a stream that ended here, or {@code null} if it ended cleanly (after the end
     * block, or before its first byte when {@code emptyIsClean}).
     */
    public MalformedStreamException endOfInput(long available, boolean emptyIsClean) {
        if (state() != State.DECODING || (emptyIsClean && parser.offset() == 0 && available == 0)) {
            return null;
        }
        return parser.truncated(available);
    }

    /** The error for bytes after the end block. */
    public MalformedStreamException trailingData() {
        return parser.trailingData();
    }

    /** Checks the version and picks the header's model before the parser takes the header. */
    private void selectModel(StreamHeader header) throws IOException {
        if (!StreamFormat.isReadable(header.version())) {
            throw new UnsupportedStreamException(StreamFormat.VERSION_OFFSET, "stream format version " + header.version()
                    + ", this decoder reads " + StreamFormat.OLDEST_VERSION + " to " + StreamFormat.VERSION);
        }
        decoder = new BlockDecoder(header, this::resolve);
    }

    /** The tile coder of a model the stream names at {@code offset}, from the loaded codec of its fingerprint. */
    private TileCoder resolve(StreamModel named, long offset) throws IOException {
        ImageCodec found = codecs.get(named.fingerprintHex());
        if (found == null) {
            throw new UnsupportedStreamException(offset, "stream was coded with model "
                    + named.fingerprintHex().substring(0, 16) + "..., which is not loaded here (loaded: "
                    + String.join(", ", codecs.keySet().stream().map(f -> f.substring(0, 16) + "...").toList()) + ")");
        }
        return found.resolver().resolve(named, offset);
    }

    private void checkLimits(ImageTable table, long offset) throws LimitExceededException {
        for (ImageTable.Run run : table.runs()) {
            ImageShape shape = run.shape();
            if ((long) shape.width() * shape.height() > limits.maxPixelsPerImage()) {
                throw new LimitExceededException(offset, LimitExceededException.Limit.PIXELS_PER_IMAGE, "image of " + shape.width() + "x"
                        + shape.height() + " pixels exceeds the limit of " + limits.maxPixelsPerImage() + " pixels");
            }
        }
        long samples = table.samples();
        if (samples > limits.maxBlockSamples()) {
            throw new LimitExceededException(offset, LimitExceededException.Limit.BLOCK_SAMPLES, "block exceeds the limit of "
                    + limits.maxBlockSamples() + " samples");
        }
        if (streamSamples + samples > limits.maxStreamSamples()) {
            throw new LimitExceededException(offset, LimitExceededException.Limit.STREAM_SAMPLES, "stream exceeds the limit of "
                    + limits.maxStreamSamples() + " samples");
        }
        streamSamples += samples;
    }
}
