package org.glowzip.codec.stream;

import java.io.IOException;
import org.glowzip.codec.MalformedStreamException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.tile.TileFormat;
import org.glowzip.codec.tile.TileTally;

/**
 * Turns the blocks a {@link StreamParser} hands on into images: raw blocks are cut into their
 * images, coded ones popped with the {@link org.glowzip.codec.tile.TileCoder} of the model each
 * block is coded with, found through a {@link ModelResolver}; every image gets its run's metadata.
 * The tile coders of the last {@value #KEPT_MODELS} models met are kept, so a stream that goes
 * back and forth between models resolves each once.
 */
public final class BlockDecoder {
    /** Tile coders kept, the least recently used dropped first: more than a stream of the bundled models meets. */
    static final int KEPT_MODELS = 8;

    private final ModelResolver models;
    private final TileFormat modes;
    private final boolean statesLaneCount;
    private final Map<StreamModel, BlockCoder> coders = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StreamModel, BlockCoder> eldest) {
            return size() > KEPT_MODELS;
        }
    };

    /**
     * A decoder of the blocks of the stream with {@code header}; resolves the header's model now.
     *
     * @throws IOException what {@code models} raises for the header's model
     */
    public BlockDecoder(StreamHeader header, ModelResolver models) throws IOException {
        this.models = models;
        this.modes = StreamFormat.tileModes(header.version());
        this.statesLaneCount = StreamFormat.statesLaneCount(header.version());
        use(StreamParser.Model.of(header));
    }

    /**
     * Resolves the model a model block names, so that a model unknown here is refused where the
     * stream names it rather than at the next block.
     *
     * @throws IOException what the resolver raises for it
     */
    public void use(StreamParser.Model model) throws IOException {
        coder(model);
    }

    /** The images of {@code block}, in order. */
    public List<Image> decode(StreamParser.Block block) throws IOException {
        return decode(block, new TileTally());
    }

    /** The images of {@code block}, in order; {@code tally} counts the coding of each tile of a coded block. */
    public List<Image> decode(StreamParser.Block block, TileTally tally) throws IOException {
        ImageTable table = block.table();
        List<Image> images;
        if (block.isRaw()) {
            images = rawImages(table.shapes(), block.payload());
        } else {
            BlockCoder coder = coder(block.model());
            images = coder.decode(lanes(block, coder), table.shapes(), modes, block.payloadOffset(), tally);
        }
        return table.withMetadata(images);
    }

    /**
     * The lanes of a coded block: their count stated from stream format 7 on, implied by the
     * shapes before; before stream format 5, one message in its checked byte form.
     */
    private Message[] lanes(StreamParser.Block block, BlockCoder coder) throws MalformedStreamException {
        byte[] payload = block.payload();
        if (!modes.laned()) {
            return new Message[] {Message.fromBytes(payload, block.payloadOffset())};
        }
        if (statesLaneCount) {
            return LanePayload.readStated(payload, 0, payload.length, block.payloadOffset());
        }
        return LanePayload.read(payload, 0, payload.length, coder.lanes(block.table().shapes(), LanePlan.LaneCount.implied(modes)),
                block.payloadOffset());
    }

    private BlockCoder coder(StreamParser.Model model) throws IOException {
        BlockCoder coder = coders.get(model.model());
        if (coder == null) {
            coder = new BlockCoder(models.resolve(model.model(), model.offset()));
            coders.put(model.model(), coder);
        }
        return coder;
    }

    private static List<Image> rawImages(List<ImageShape> shapes, byte[] payload) {
        List<Image> images = new ArrayList<>(shapes.size());
        int position = 0;
        for (ImageShape shape : shapes) {
            int size = (int) shape.samples();
            images.add(Image.of(shape.width(), shape.height(), shape.format(), Arrays.copyOfRange(payload, position, position + size)));
            position += size;
        }
        return images;
    }
}
