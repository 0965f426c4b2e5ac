package org.glowzip.codec.stream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import org.glowzip.codec.DecodeLimitException;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.tile.TileCoder;
import org.glowzip.codec.tile.TileFormat;
import org.glowzip.codec.tile.TileTally;

/**
 * Codes one image in the {@link SingleImageFormat single-image form}, with the tile coding of a
 * stream's one-image block. Immutable and thread-safe.
 */
public final class SingleImageCoder {
    private final ModelFile model;
    private final TileCoder tiles;
    private final BlockCoder coder;

    /** @param tiles the tile coder of {@code model} and the coding parameters to encode with */
    public SingleImageCoder(ModelFile model, TileCoder tiles) {
        if (!Arrays.equals(model.fingerprint(), tiles.fingerprint())) {
            throw new IllegalArgumentException("the flow was not built from this model");
        }
        this.model = model;
        this.tiles = tiles;
        this.coder = new BlockCoder(tiles);
    }

    /** The image's bytes: coded when that is smaller than its samples, raw otherwise. */
    public byte[] encode(Image image) {
        Message[] lanes = codedOrNull(image);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SingleImageHeader.write(lanes != null, tiles.fingerprint(), tiles.parameters(), image));
        out.writeBytes(lanes == null ? image.samples() : LanePayload.write(lanes));
        CRC32C crc = new CRC32C();
        crc.update(out.toByteArray());
        out.writeBytes(ByteBuffer.allocate(SingleImageFormat.CHECKSUM_SIZE).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    /** The length of {@link #encode encode(image)}: the same coding, without writing the bytes. */
    public long size(Image image) {
        Message[] lanes = codedOrNull(image);
        long payload = lanes == null ? image.sampleCount() : LanePayload.length(lanes);
        return SingleImageHeader.write(lanes != null, tiles.fingerprint(), tiles.parameters(), image).length + payload
                + SingleImageFormat.CHECKSUM_SIZE;
    }

    /**
     * The image of {@code bytes}, decoded with the coding parameters they name.
     *
     * @param maxSamples the most samples the image may have, checked before anything is allocated for them
     * @param tally counts the coding of each tile of a coded image
     * @throws MalformedStreamException if the bytes are damaged, truncated, not a single image,
     *         or were coded with another model
     * @throws DecodeLimitException if the image has more than {@code maxSamples} samples
     */
    public Image decode(byte[] bytes, long maxSamples, TileTally tally) throws MalformedStreamException {
        SingleImageHeader header = SingleImageHeader.read(bytes);
        if (header.samples() > maxSamples) {
            throw new DecodeLimitException(SingleImageFormat.PARAMETERS_OFFSET, header.samples(), maxSamples);
        }
        byte[] expected = Arrays.copyOf(model.fingerprint(), SingleImageFormat.FINGERPRINT_SIZE);
        if (!Arrays.equals(header.fingerprintPrefix(), expected)) {
            throw new MalformedStreamException(SingleImageFormat.FINGERPRINT_OFFSET, "image was coded with another model ("
                    + header.fingerprintHex() + "..., this codec has model " + HexFormat.of().formatHex(expected) + "...)");
        }
        int from = header.payloadOffset();
        int to = from + header.payloadLength();
        Image image;
        if (header.coded()) {
            BlockCoder decoder = header.parameters().equals(tiles.parameters()) ? coder
                    : new BlockCoder(new TileCoder(model, header.parameters()));
            TileFormat format = SingleImageFormat.tileModes(header.version());
            List<ImageShape> shapes = List.of(header.shape());
            Message[] lanes = LanePayload.read(bytes, from, to, decoder.lanes(shapes, LanePlan.LaneCount.implied(format)), from);
            image = decoder.decode(lanes, shapes, format, from, tally).get(0);
        } else {
            image = Image.of(header.width(), header.height(), header.format(), Arrays.copyOfRange(bytes, from, to));
        }
        return header.metadata().length == 0 ? image : image.withMetadata(header.metadata());
    }

    /** The image's lanes, or {@code null} when it is to be stored raw (the rule of a stream's blocks). */
    private Message[] codedOrNull(Image image) {
        return coder.encodeIfSmaller(List.of(image), LanePlan.LaneCount.implied(TileFormat.CURRENT), image.sampleCount(), LanePayload::length);
    }
}
