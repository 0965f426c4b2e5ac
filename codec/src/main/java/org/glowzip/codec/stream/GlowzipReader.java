package org.glowzip.codec.stream;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.IntGlow;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.model.ModelFile;

/**
 * Reads a glowzip stream ({@link StreamFormat}) block by block: {@link #read} returns the images
 * in the order they were written, then {@code null}. Every size is checked before use, every
 * block against its CRC32C, and a stream coded with another model is refused; all of these raise
 * {@link MalformedStreamException} with the byte offset.
 */
public final class GlowzipReader implements Closeable {
    private final CheckedInput in;
    private final InputStream source;
    private final BlockCoder coder;
    private final CodingParameters parameters;
    private final Deque<Image> ready = new ArrayDeque<>();
    private long images;
    private boolean ended;

    public GlowzipReader(InputStream source, ModelFile model) throws IOException {
        this(source, model, null);
    }

    /**
     * A reader that codes with {@code prepared}, an integer flow of {@code model}, when the
     * stream names its coding parameters, and builds the flow the stream names otherwise.
     */
    public GlowzipReader(InputStream source, ModelFile model, IntGlow prepared) throws IOException {
        this.source = source;
        this.in = new CheckedInput(source);
        StreamHeader header = StreamHeader.read(in);
        if (!Arrays.equals(header.fingerprint(), model.fingerprint())) {
            throw new MalformedStreamException(9, "stream was coded with model " + header.fingerprintHex().substring(0, 16)
                    + "..., this codec has model " + model.fingerprintHex().substring(0, 16) + "...");
        }
        this.parameters = header.parameters();
        boolean reusable = prepared != null && prepared.parameters().equals(parameters)
                && Arrays.equals(prepared.fingerprint(), model.fingerprint());
        this.coder = new BlockCoder(reusable ? prepared : new IntGlow(model, parameters));
    }

    /** The coding parameters the stream's header names. */
    public CodingParameters parameters() {
        return parameters;
    }

    /** The next image, or {@code null} after the last one. */
    public Image read() throws IOException {
        while (ready.isEmpty() && !ended) {
            readBlock();
        }
        return ready.poll();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private void readBlock() throws IOException {
        BlockHeader block = BlockHeader.read(in);
        if (block.isEnd()) {
            block.verifyEnd(in, images);
            ended = true;
            return;
        }
        long payloadOffset = in.offset();
        byte[] payload = in.read((int) block.payloadLength(), "block payload");
        in.verifyChecksum("block");
        List<Image> decoded = block.isRaw() ? rawImages(block.shapes(), payload)
                : coder.decode(Message.fromBytes(payload, payloadOffset), block.shapes(), payloadOffset);
        ready.addAll(decoded);
        images += decoded.size();
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
