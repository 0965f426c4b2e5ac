package org.glowzip.codec.tile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.glowzip.codec.ans.Codec;
import org.glowzip.codec.ans.Codecs;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.context.ContextCoder;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.IntGlow;
import org.glowzip.codec.flow.TileBorder;
import org.glowzip.codec.image.Canvas;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFile;

/**
 * The one place that decides how a tile is coded, and codes it: a tile and its
 * {@link TileCoding} as one {@link Codecs#dependent dependent} codec, the coding's mode symbol
 * on top. The tile is the current tile of a {@link Canvas}; the context model reads what the
 * canvas lets it read around the tile, a conditioned Glow its {@link TileBorder}, the other
 * codings the tile alone.
 *
 * <h2>Policy</h2>
 * Every tile is coded the shortest way among its candidates, measured by pushing each on the
 * message and returning to the state before it ({@link Message#checkpoint}); on a tie the
 * earlier of pop-free, Glow bits-back and raw wins. The candidates:
 * <ul>
 *   <li>raw, always: so no tile costs more than 8 bits a sample and its mode;</li>
 *   <li>pop-free: the context model where the model file has one (it codes every tile shorter
 *       than the Glow's pop-free coding), the Glow pop-free otherwise;</li>
 *   <li>Glow bits-back, unless the message is fresh: there it would borrow every noise bit from
 *       nothing, which real tiles never repay; and without a context model, on a message that
 *       can lend every bit a tile's bits-back pops, Glow bits-back is the only model candidate
 *       (the coarse pop-free flow never wins there).</li>
 * </ul>
 * Glow bits-back is tried only as often as {@link GlowTrials} says, which an encoder keeps per
 * lane. A coding whose latent leaves its coder's range is not a candidate. Decoding pops the mode,
 * then the tile in that coding; it makes no choice. Immutable and thread-safe.
 */
public final class TileCoder {
    /**
     * Bits per sample, beyond the noise bits, that a message must hold for a bits-back push to
     * borrow nothing: its refinements pop about 5.4 more bits per sample of the bundled model
     * before the tile's own pushes repay them ({@code glowzip initial-bits}).
     */
    private static final long REFINEMENT_BITS_PER_SAMPLE = 8;

    private final IntGlow glow;
    private final boolean hasContextModel;
    private final Map<TileCoding, Function<TileBorder, Codec<byte[]>>> tileCodings = new EnumMap<>(TileCoding.class);
    private final Map<TileFormat, ContextCoder> contextCoders = new EnumMap<>(TileFormat.class);
    private final Codec<TileCoding> currentModes;
    private final Codec<TileCoding> modeBits;

    /** @throws IllegalArgumentException if the model file holds no Glow of its config, or a broken context model */
    public TileCoder(ModelFile model, CodingParameters parameters) {
        this.glow = new IntGlow(model, parameters);
        this.hasContextModel = ContextModel.present(model);
        RawTiles raw = new RawTiles(glow.samplesPerTile());
        tileCodings.put(TileCoding.RAW, border -> raw);
        tileCodings.put(TileCoding.GLOW_POP_FREE, glow::popFree);
        tileCodings.put(TileCoding.GLOW_BITS_BACK, glow::bitsBack);
        if (hasContextModel) {
            ContextModel context = ContextModel.of(model);
            if (context.features().radius() > context.width()) {
                throw new IllegalArgumentException("context features of radius " + context.features().radius()
                        + " reach past the next tile of a " + context.width() + "-wide tile");
            }
            for (TileFormat format : TileFormat.values()) {
                contextCoders.put(format, format.contextCoder(context));
            }
        }
        this.currentModes = TileFormat.CURRENT.codec(hasContextModel);
        this.modeBits = TileFormat.MODE_BIT.codec(hasContextModel);
    }

    public GlowConfig config() {
        return glow.config();
    }

    public CodingParameters parameters() {
        return glow.parameters();
    }

    /** The fingerprint of the model file this coder was built from. */
    public byte[] fingerprint() {
        return glow.fingerprint();
    }

    /** Samples per model-shaped tile, {@code C * H * W}. */
    public int samplesPerTile() {
        return glow.samplesPerTile();
    }

    /** Whether the model file has a context model, the pop-free coding where it does. */
    public boolean hasContextModel() {
        return hasContextModel;
    }

    /** Pushes the canvas's current tile the shortest way among all its candidates (see the policy above). */
    public TileCoding push(Message message, Canvas canvas) {
        return push(message, canvas, new GlowTrials());
    }

    /**
     * Pushes the canvas's current tile the shortest way among its candidates (see the policy
     * above), Glow bits-back among them only when {@code trials} says it is due.
     *
     * @param canvas samples with the model's channels whose current tile has the model's height and width
     * @param trials the Glow trials of the lane the tile is pushed on, updated
     * @return the coding it was pushed with
     */
    public TileCoding push(Message message, Canvas canvas, GlowTrials trials) {
        requireTileShape(canvas);
        Codec<Codecs.Pair<TileCoding, Canvas>> current = Codecs.dependent(currentModes,
                coding -> coding(coding, TileFormat.CURRENT, canvas));
        List<TileCoding> candidates = candidates(message, trials.due());
        try (Message.Checkpoint start = message.checkpoint()) {
            TileCoding best = null;
            long bestLength = Long.MAX_VALUE;
            TileCoding last = null;
            for (int i = candidates.size() - 1; i >= 0; i--) {
                if (last != null) {
                    start.restore();
                }
                last = candidates.get(i);
                long length = lengthAfter(message, current, new Codecs.Pair<>(last, canvas));
                if (length >= 0 && length <= bestLength) {
                    best = last;
                    bestLength = length;
                }
            }
            if (best != last) {
                start.restore();
                current.push(message, new Codecs.Pair<>(best, canvas));
            }
            trials.record(candidates.contains(TileCoding.GLOW_BITS_BACK), best == TileCoding.GLOW_BITS_BACK);
            return best;
        }
    }

    /**
     * Pops one tile pushed by {@link #push}, or by an earlier format that records its coding with
     * {@code format}, into the canvas's current tile.
     *
     * @return the coding it was pushed with
     * @throws IllegalArgumentException if the mode names a coding the model file cannot do, or
     *         the values decoded are not 8-bit samples: damaged data or another model
     */
    public TileCoding pop(Message message, TileFormat format, Canvas canvas) {
        return pop(List.of(message), List.of(canvas), format).get(0);
    }

    /**
     * Pops the current tile of each canvas from its own message (its lane), as {@link #pop(Message,
     * TileFormat, Canvas)} does one: every mode first, then the context-coded tiles in lockstep
     * ({@link ContextCoder#pop(List, List)}) and the others one by one. No canvas may read a
     * sample that another's tile writes.
     *
     * @param canvases the canvas of each message, in the same order
     * @return the coding of each tile, in order
     */
    public List<TileCoding> pop(List<Message> messages, List<Canvas> canvases, TileFormat format) {
        if (messages.size() != canvases.size()) {
            throw new IllegalArgumentException(messages.size() + " messages and " + canvases.size() + " canvases");
        }
        canvases.forEach(this::requireTileShape);
        Codec<TileCoding> modeCodec = format == TileFormat.MODE_BIT ? modeBits : currentModes;
        List<TileCoding> codings = new ArrayList<>(messages.size());
        List<Message> contextMessages = new ArrayList<>();
        List<Canvas> contextCanvases = new ArrayList<>();
        for (int k = 0; k < messages.size(); k++) {
            TileCoding coding = modeCodec.pop(messages.get(k));
            codings.add(coding);
            if (coding == TileCoding.CONTEXT) {
                contextMessages.add(messages.get(k));
                contextCanvases.add(canvases.get(k));
            } else {
                coding(coding, format, canvases.get(k)).pop(messages.get(k));
            }
        }
        if (!contextMessages.isEmpty()) {
            contextCoder(format).pop(contextMessages, contextCanvases);
        }
        return codings;
    }

    /**
     * The codings to try on this message, in order of preference: {@link #push} tries them last
     * first, so that the usual winner is pushed last and need not be pushed again.
     */
    private List<TileCoding> candidates(Message message, boolean glowDue) {
        TileCoding popFree = hasContextModel ? TileCoding.CONTEXT : TileCoding.GLOW_POP_FREE;
        if (message.isFresh()) {
            return List.of(popFree, TileCoding.RAW);
        }
        boolean canLend = message.bitLength() > (glow.parameters().noiseBits() + REFINEMENT_BITS_PER_SAMPLE) * samplesPerTile();
        if (!hasContextModel && canLend) {
            return List.of(TileCoding.GLOW_BITS_BACK, TileCoding.RAW);
        }
        return glowDue ? List.of(popFree, TileCoding.GLOW_BITS_BACK, TileCoding.RAW) : List.of(popFree, TileCoding.RAW);
    }

    /** The message's length after pushing the tile in its coding; -1 when a latent leaves its coder's range. */
    private static long lengthAfter(Message message, Codec<Codecs.Pair<TileCoding, Canvas>> codec, Codecs.Pair<TileCoding, Canvas> tile) {
        try {
            codec.push(message, tile);
            return message.bitLength();
        } catch (ArithmeticException outOfRange) {
            return -1;
        }
    }

    /** The codec of one coding in {@code format} on {@code canvas}: it pushes the canvas's current tile and pops into it. */
    private Codec<Canvas> coding(TileCoding coding, TileFormat format, Canvas canvas) {
        if (coding == TileCoding.CONTEXT) {
            ContextCoder context = contextCoder(format);
            return new Codec<>() {
                @Override
                public void push(Message message, Canvas tile) {
                    context.push(message, tile);
                }

                @Override
                public Canvas pop(Message message) {
                    context.pop(message, canvas);
                    return canvas;
                }
            };
        }
        TileBorder border = glow.conditioned() ? border(canvas) : TileBorder.none(canvas.channels(), canvas.tileHeight(), canvas.tileWidth());
        Codec<byte[]> codec = tileCodings.get(coding).apply(border);
        return new Codec<>() {
            @Override
            public void push(Message message, Canvas tile) {
                codec.push(message, tile.tileSamples());
            }

            @Override
            public Canvas pop(Message message) {
                canvas.placeTile(codec.pop(message));
                return canvas;
            }
        };
    }

    /**
     * The border of the canvas's current tile, which a conditioned Glow reads: the row above unless
     * the tile is at the canvas's top, the column left unless it is at its left edge.
     */
    public static TileBorder border(Canvas canvas) {
        int channels = canvas.channels();
        int top = canvas.top();
        int left = canvas.left();
        int height = canvas.tileHeight();
        int width = canvas.tileWidth();
        byte[] above = top > 0 ? new byte[channels * width] : null;
        byte[] before = left > 0 ? new byte[channels * height] : null;
        for (int c = 0; c < channels; c++) {
            for (int x = 0; above != null && x < width; x++) {
                above[c * width + x] = (byte) canvas.value(c, top - 1, left + x);
            }
            for (int y = 0; before != null && y < height; y++) {
                before[c * height + y] = (byte) canvas.value(c, top + y, left - 1);
            }
        }
        return new TileBorder(channels, height, width, above, before);
    }

    private ContextCoder contextCoder(TileFormat format) {
        ContextCoder context = contextCoders.get(format);
        if (context == null) {
            throw new IllegalArgumentException("tile coded with a context model, which the model file lacks");
        }
        return context;
    }

    private void requireTileShape(Canvas canvas) {
        GlowConfig config = glow.config();
        if (canvas.channels() != config.channels() || canvas.tileHeight() != config.height() || canvas.tileWidth() != config.width()) {
            throw new IllegalArgumentException("a " + canvas.channels() + "x" + canvas.tileHeight() + "x" + canvas.tileWidth()
                    + " tile for a " + config.channels() + "x" + config.height() + "x" + config.width() + " model");
        }
    }
}
