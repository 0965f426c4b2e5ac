package org.glowzip.codec.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.tile.TileCoder;
import org.glowzip.codec.tile.TileFormat;
import org.glowzip.codec.tile.TileTally;

/**
 * Turns the blocks a {@link StreamParser} hands on into images: raw blocks are cut into their
 * images, coded ones popped with the {@link TileCoder} of the stream's model and coding parameters;
 * every image gets its run's metadata.
 */
public final class BlockDecoder {
    private final BlockCoder coder;
    private final TileFormat modes;

    /**
     * @param version  the stream's format version
     * @param prepared a tile coder of {@code model} to reuse when it has these coding parameters,
     *                 or {@code null}; otherwise one is built
     */
    public BlockDecoder(ModelFile model, CodingParameters parameters, int version, TileCoder prepared) {
        boolean reusable = prepared != null && prepared.parameters().equals(parameters)
                && Arrays.equals(prepared.fingerprint(), model.fingerprint());
        this.coder = new BlockCoder(reusable ? prepared : new TileCoder(model, parameters));
        this.modes = StreamFormat.tileModes(version);
    }

    /** The images of {@code block}, in order. */
    public List<Image> decode(StreamParser.Block block) throws MalformedStreamException {
        return decode(block, new TileTally());
    }

    /** The images of {@code block}, in order; {@code tally} counts the coding of each tile of a coded block. */
    public List<Image> decode(StreamParser.Block block, TileTally tally) throws MalformedStreamException {
        ImageTable table = block.table();
        List<Image> images = block.isRaw() ? rawImages(table.shapes(), block.payload()) : coder.decode(lanes(block), table.shapes(), modes,
                block.payloadOffset(), tally);
        return table.withMetadata(images);
    }

    /** The lanes of a coded block: before stream format 5, one message in its checked byte form. */
    private Message[] lanes(StreamParser.Block block) throws MalformedStreamException {
        byte[] payload = block.payload();
        if (!modes.laned()) {
            return new Message[] {Message.fromBytes(payload, block.payloadOffset())};
        }
        return LanePayload.read(payload, 0, payload.length, coder.lanes(block.table().shapes(), modes), block.payloadOffset());
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
