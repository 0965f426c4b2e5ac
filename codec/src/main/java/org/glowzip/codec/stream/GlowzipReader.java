package org.glowzip.codec.stream;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
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
        this.source = source;
        this.in = new CheckedInput(source);
        byte[] magic = in.read(StreamFormat.MAGIC.length, "header");
        if (!Arrays.equals(magic, StreamFormat.MAGIC)) {
            throw new MalformedStreamException(0, "not a glowzip stream (bad magic)");
        }
        int version = in.readByte("header");
        if (version != StreamFormat.VERSION) {
            throw new MalformedStreamException(8, "unsupported stream version " + version + ", this reader reads " + StreamFormat.VERSION);
        }
        byte[] fingerprint = in.read(StreamFormat.FINGERPRINT_SIZE, "header");
        int fractionalBits = in.readByte("header");
        int scaleBits = in.readByte("header");
        int priorPrecision = in.readByte("header");
        in.verifyChecksum("header");
        if (!Arrays.equals(fingerprint, model.fingerprint())) {
            throw new MalformedStreamException(9, "stream was coded with model " + HexFormat.of().formatHex(fingerprint, 0, 8)
                    + "..., this codec has model " + model.fingerprintHex().substring(0, 16) + "...");
        }
        String problem = CodingParameters.problem(fractionalBits, scaleBits, priorPrecision);
        if (problem != null) {
            throw new MalformedStreamException(41, problem);
        }
        this.parameters = new CodingParameters(fractionalBits, scaleBits, priorPrecision);
        this.coder = new BlockCoder(new IntGlow(model, parameters));
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
        long start = in.offset();
        in.resetChecksum();
        int type = in.readByte("block type");
        if (type == StreamFormat.END) {
            long total = in.readLong("end block");
            in.verifyChecksum("end block");
            if (total != images) {
                throw new MalformedStreamException(start + 1, "end block counts " + Long.toUnsignedString(total)
                        + " images, the stream held " + images);
            }
            if (!in.atEnd()) {
                throw new MalformedStreamException(in.offset(), "data after the end block");
            }
            ended = true;
            return;
        }
        if (type != StreamFormat.CODED && type != StreamFormat.RAW) {
            throw new MalformedStreamException(start, "unknown block type " + type);
        }
        int count = in.readInt("block header");
        if (count < 1 || count > StreamFormat.MAX_BLOCK_IMAGES) {
            throw new MalformedStreamException(start + 1, "block image count " + Integer.toUnsignedString(count)
                    + " outside 1.." + StreamFormat.MAX_BLOCK_IMAGES);
        }
        List<int[]> shapes = new ArrayList<>();
        long samples = 0;
        for (int i = 0; i < count; i++) {
            long entry = in.offset();
            long width = in.readInt("image table") & 0xFFFF_FFFFL;
            long height = in.readInt("image table") & 0xFFFF_FFFFL;
            int channels = in.readByte("image table");
            String problem = Image.shapeProblem(width, height, channels);
            if (problem != null) {
                throw new MalformedStreamException(entry, problem);
            }
            samples += width * height * channels;
            if (samples > StreamFormat.MAX_BLOCK_SAMPLES) {
                throw new MalformedStreamException(entry, "block exceeds " + StreamFormat.MAX_BLOCK_SAMPLES + " samples");
            }
            shapes.add(new int[] {(int) width, (int) height, channels});
        }
        long lengthOffset = in.offset();
        long length = in.readInt("block header") & 0xFFFF_FFFFL;
        boolean raw = type == StreamFormat.RAW;
        if (raw ? length != samples : length >= samples + StreamFormat.MESSAGE_OVERHEAD) {
            throw new MalformedStreamException(lengthOffset, "payload length " + length + " does not fit a "
                    + (raw ? "raw" : "coded") + " block of " + samples + " samples");
        }
        long payloadOffset = in.offset();
        byte[] payload = in.read((int) length, "block payload");
        in.verifyChecksum("block");
        List<Image> decoded = raw ? rawImages(shapes, payload) : coder.decode(Message.fromBytes(payload, payloadOffset), shapes, payloadOffset);
        ready.addAll(decoded);
        images += decoded.size();
    }

    private static List<Image> rawImages(List<int[]> shapes, byte[] payload) {
        List<Image> images = new ArrayList<>(shapes.size());
        int position = 0;
        for (int[] shape : shapes) {
            int size = shape[0] * shape[1] * shape[2];
            images.add(Image.of(shape[0], shape[1], shape[2], Arrays.copyOfRange(payload, position, position + size)));
            position += size;
        }
        return images;
    }
}
