package org.glowzip.codec.stream;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import org.glowzip.codec.DecodeLimitException;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.tile.TileTally;

/**
 * Reads a glowzip stream ({@link StreamFormat}) block by block: {@link #read} returns the images
 * in the order they were written, then {@code null}. The {@link StreamParser} checks every size
 * before use and every block against the checksum chain; the models the header and the model
 * blocks name are found through a {@link ModelResolver} where they are named, and a block of more
 * samples than the reader's limit is refused. All of these raise {@link MalformedStreamException}
 * with the byte offset (the limit its subclass {@link DecodeLimitException}; a model unknown here
 * what the resolver raises).
 */
public final class GlowzipReader implements Closeable {
    /** The default limit on the samples of one block: {@value}, 32 Mi, 32 MiB of samples. */
    public static final long DEFAULT_MAX_SAMPLES = 1L << 25;

    private final InputStream source;
    private final StreamParser parser = new StreamParser();
    private final BlockDecoder decoder;
    private final long maxSamples;
    private final Deque<Image> ready = new ArrayDeque<>();
    private final TileTally tally = new TileTally();

    /**
     * A reader of the stream on {@code source}; reads its header and resolves the model it names.
     *
     * @param models     finds the tile coder of each model the stream names
     * @param maxSamples the most samples one block may hold; a larger one raises {@link DecodeLimitException}
     */
    public GlowzipReader(InputStream source, ModelResolver models, long maxSamples) throws IOException {
        if (maxSamples < 1) {
            throw new IllegalArgumentException("sample limit " + maxSamples + " is not positive");
        }
        this.source = source;
        this.maxSamples = maxSamples;
        this.decoder = new BlockDecoder(((StreamParser.Header) next()).header(), models);
    }

    /** How many tiles of the blocks decoded so far each coding coded. */
    public TileTally tally() {
        return tally;
    }

    /** The next image, or {@code null} after the last one. */
    public Image read() throws IOException {
        while (ready.isEmpty() && !parser.finished()) {
            StreamParser.Event event = next();
            if (event instanceof StreamParser.Model model) {
                decoder.use(model);
            } else if (event instanceof StreamParser.Table table && table.table().samples() > maxSamples) {
                throw new DecodeLimitException(table.offset(), table.table().samples(), maxSamples);
            } else if (event instanceof StreamParser.Block block) {
                ready.addAll(decoder.decode(block, tally));
            } else if (event instanceof StreamParser.End && source.read() >= 0) {
                throw parser.trailingData();
            }
        }
        return ready.poll();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /** Feeds the parser units from the source until one completes an event. */
    private StreamParser.Event next() throws IOException {
        while (true) {
            int needed = parser.needed();
            byte[] unit = source.readNBytes(needed);
            if (unit.length < needed) {
                throw parser.offset() == 0 && !StreamFormat.startsLikeStream(unit)
                        ? new MalformedStreamException(0, "not a glowzip stream (bad magic)") : parser.truncated(unit.length);
            }
            StreamParser.Event event = parser.accept(unit);
            if (event != null) {
                return event;
            }
        }
    }
}
