package org.glowzip.codec.imageio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import org.glowzip.codec.DecodeLimitException;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.stream.BlockDecoder;
import org.glowzip.codec.stream.ImageShape;
import org.glowzip.codec.stream.ImageTable;
import org.glowzip.codec.stream.StreamFormat;
import org.glowzip.codec.stream.StreamHeader;
import org.glowzip.codec.stream.StreamParser;

/**
 * A walk through a glowzip stream ({@link StreamFormat}) on an {@link ImageInputStream} that
 * decodes only the blocks asked for. Image {@code k}'s shape and metadata come from the image
 * tables, read without decoding any payload; {@link #image image(k)} walks to the block that
 * holds {@code k} (every block before it is read and checked against the checksum chain, not
 * decoded) and decodes that one block. Asking for an image before the walk's position starts
 * the walk again from the stream's first byte; the last decoded block is kept, so reading a
 * stream's images in order decodes each block once.
 */
final class StreamCursor {
    /** What a block's image table says of one of its images. */
    record Entry(ImageShape shape, byte[] metadata) {
    }

    private final ImageInputStream in;
    private final long origin;
    private final ImageCodec codec;
    private final List<Entry> entries = new ArrayList<>();
    private StreamParser parser;
    private BlockDecoder decoder;
    private StreamParser.Table pending;
    private int passed;
    private int total = -1;
    private List<Image> decoded = List.of();
    private int decodedFirst;
    private int decodedBlocks;

    /** A walk of the stream that starts at {@code in}'s current position, decoded with {@code codec}'s model. */
    StreamCursor(ImageInputStream in, ImageCodec codec) throws IOException {
        this.in = in;
        this.origin = in.getStreamPosition();
        this.codec = codec;
        restart();
    }

    /** The images in the stream: walks to its end, decoding nothing. */
    int count() throws IOException {
        while (total < 0) {
            skipPendingBlock();
            nextTable();
        }
        return total;
    }

    /** The stream's image count once the walk has reached its end, else -1. */
    int knownCount() {
        return total;
    }

    /**
     * What the table of image {@code k}'s block says of it, read without decoding.
     *
     * @throws IndexOutOfBoundsException if the stream has no image {@code k}
     */
    Entry entry(int k) throws IOException {
        while (entries.size() <= k) {
            skipPendingBlock();
            if (!nextTable()) {
                throw new IndexOutOfBoundsException("image " + k + " of a stream of " + total + " images");
            }
        }
        return entries.get(k);
    }

    /**
     * Image {@code k}, decoding the one block that holds it.
     *
     * @throws IndexOutOfBoundsException if the stream has no image {@code k}
     */
    Image image(int k) throws IOException {
        if (k < 0) {
            throw new IndexOutOfBoundsException("image " + k);
        }
        if (k >= decodedFirst && k < decodedFirst + decoded.size()) {
            return decoded.get(k - decodedFirst);
        }
        if (k < passed) {
            restart();
        }
        while (pending == null || k >= passed + pending.table().images()) {
            skipPendingBlock();
            if (!nextTable()) {
                throw new IndexOutOfBoundsException("image " + k + " of a stream of " + total + " images");
            }
        }
        long samples = pending.table().samples();
        if (samples > codec.maxDecodeSamples()) {
            throw new DecodeLimitException(pending.offset(), samples, codec.maxDecodeSamples());
        }
        StreamParser.Block block = (StreamParser.Block) next();
        decoded = decoder.decode(block);
        decodedFirst = passed;
        decodedBlocks++;
        passed += decoded.size();
        pending = null;
        return decoded.get(k - decodedFirst);
    }

    /** Blocks decoded so far: what {@link #image} costs, for tests. */
    int decodedBlocks() {
        return decodedBlocks;
    }

    private void restart() throws IOException {
        in.seek(origin);
        parser = new StreamParser();
        passed = 0;
        pending = null;
        StreamHeader header = ((StreamParser.Header) next()).header();
        if (!Arrays.equals(header.fingerprint(), codec.model().fingerprint())) {
            throw new MalformedStreamException(StreamFormat.FINGERPRINT_OFFSET, "stream was coded with model "
                    + header.fingerprintHex().substring(0, 16) + "..., this reader has model " + codec.model().fingerprintHex().substring(0, 16)
                    + "...; give the reader that model with GlowzipImageReader.setCodec");
        }
        if (decoder == null) {
            decoder = codec.blockDecoder(header);
        }
    }

    /** Reads past the block of the pending table without decoding it. */
    private void skipPendingBlock() throws IOException {
        if (pending != null) {
            next();
            passed += pending.table().images();
            pending = null;
        }
    }

    /** Walks to the next block's table and makes it pending; false at the end of the stream. */
    private boolean nextTable() throws IOException {
        if (parser.finished()) {
            return false;
        }
        StreamParser.Event event = next();
        if (event instanceof StreamParser.Model model) {
            decoder.use(model);
            event = next();
        }
        if (event instanceof StreamParser.Table table) {
            pending = table;
            if (passed == entries.size()) {
                for (ImageTable.Run run : table.table().runs()) {
                    Entry entry = new Entry(run.shape(), run.metadata());
                    for (int i = 0; i < run.count(); i++) {
                        entries.add(entry);
                    }
                }
            }
            return true;
        }
        StreamParser.End end = (StreamParser.End) event;
        if (in.read() >= 0) {
            throw parser.trailingData();
        }
        total = (int) Math.min(end.images(), Integer.MAX_VALUE); // ImageIO numbers images with ints
        return false;
    }

    /** Feeds the parser units from the input until one completes an event. */
    private StreamParser.Event next() throws IOException {
        while (true) {
            byte[] unit = new byte[parser.needed()];
            int read = 0;
            for (int n; read < unit.length && (n = in.read(unit, read, unit.length - read)) >= 0;) {
                read += n;
            }
            if (read < unit.length) {
                throw parser.offset() == 0 && !StreamFormat.startsLikeStream(Arrays.copyOf(unit, read))
                        ? new MalformedStreamException(0, "not a glowzip stream (bad magic)") : parser.truncated(read);
            }
            StreamParser.Event event = parser.accept(unit);
            if (event != null) {
                return event;
            }
        }
    }
}
