package org.glowzip.codec.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.image.SampleFormat;

/**
 * Run in a child JVM with a small heap by {@link LowMemoryTest}: decodes crafted inputs that
 * declare huge images with a few bytes, then {@code args[0]} mutants of the fuzz corpus from seed
 * {@code args[1]}, with the default decode limit, and prints one line per crafted input (its
 * error) and the fuzz outcome counts. Any
 * other exception or error, {@link OutOfMemoryError} included, ends it with a stack trace and a
 * non-zero status.
 */
public final class LowMemoryDecoder {
    static final String DONE = "low-memory decoding done";

    private LowMemoryDecoder() {
    }

    public static void main(String[] args) throws IOException {
        for (byte[] crafted : crafted()) {
            try {
                if (GlowzipForm.of(crafted) == GlowzipForm.STREAM) {
                    try (GlowzipReader reader = FuzzCorpus.CODEC.reader(new ByteArrayInputStream(crafted))) {
                        reader.read();
                    }
                } else {
                    FuzzCorpus.CODEC.decode(crafted);
                }
                System.out.println("crafted " + crafted.length + " bytes: decoded");
            } catch (MalformedStreamException e) {
                System.out.println("crafted " + crafted.length + " bytes: " + e.getMessage());
            }
        }
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[1]));
        Map<FuzzCorpus.Outcome, Long> outcomes = new EnumMap<>(FuzzCorpus.Outcome.class);
        for (int i = Integer.parseInt(args[0]); i > 0; i--) {
            outcomes.merge(FuzzCorpus.decode(FuzzCorpus.CODEC, FuzzCorpus.mutate(random)), 1L, Long::sum);
        }
        System.out.println("fuzz outcomes " + outcomes);
        System.out.println(DONE);
    }

    /**
     * Single images and streams that declare 2^28 samples (the most the formats allow, over the
     * default limit) with a few bytes: an 8-byte message head, or an empty message.
     */
    static List<byte[]> crafted() {
        return List.of(
                singleImage(65536, 4096, SampleFormat.GRAY),
                singleImage(4096, 8192, new SampleFormat(4, 16)),
                stream(1 << 16, 64, 64, SampleFormat.GRAY),
                stream(1, 65536, 4096, SampleFormat.GRAY));
    }

    private static byte[] singleImage(int width, int height, SampleFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SingleImageFormat.MAGIC);
        out.write(SingleImageFormat.VERSION << 4 | SingleImageFormat.CODED);
        out.write(FuzzCorpus.CODEC.model().fingerprint(), 0, SingleImageFormat.FINGERPRINT_SIZE);
        Varint.write(out, width);
        Varint.write(out, height);
        Varint.write(out, format.code());
        out.writeBytes(ByteBuffer.allocate(8).putLong(0x1234_5678_9ABC_DEF0L).array());
        CRC32C crc = new CRC32C();
        crc.update(out.toByteArray());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    /** A stream with one coded block of {@code count} images whose payload is an empty message. */
    private static byte[] stream(int count, int width, int height, SampleFormat format) {
        byte[] header = StreamHeader.write(FuzzCorpus.CODEC.model().fingerprint(), CodingParameters.DEFAULT);
        ChecksumChain chain = new ChecksumChain(StreamFormat.VERSION, ByteBuffer.wrap(header).getInt(StreamFormat.HEADER_SIZE - 4));
        ImageTable table = new ImageTable(List.of(new ImageTable.Run(count, new ImageShape(width, height, format), new byte[0])),
                (long) count * width * height * format.planes());
        byte[] message = new Message().toBytes();
        ByteBuffer block = ByteBuffer.allocate(17 + table.byteLength() + 4 + message.length);
        block.put(new BlockHeader(StreamFormat.CODED, 0, count, 1, table.byteLength()).write()).put(table.write()).putInt(message.length).put(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(block.array());
        chain.update(block.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt(chain.value()).array());
        chain.next();
        byte[] end = new StreamEnd(count, 1).write();
        chain.update(end);
        out.writeBytes(end);
        out.writeBytes(ByteBuffer.allocate(4).putInt(chain.value()).array());
        return out.toByteArray();
    }
}
