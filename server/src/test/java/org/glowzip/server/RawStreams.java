package org.glowzip.server;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.stream.StreamFormat;
import org.glowzip.codec.stream.TestStreams;

/**
 * Glowzip streams of raw blocks built by hand from the documented layout: valid streams that cost
 * no flow work to decode, for tests that need large responses cheaply.
 */
public final class RawStreams {
    private RawStreams() {
    }

    /** A stream of the test model holding {@code images}, {@code perBlock} images per raw block. */
    public static byte[] of(List<Image> images, int perBlock) {
        byte[] empty = TestStreams.of(TestModels.CODEC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(empty, 0, StreamFormat.HEADER_SIZE); // the header
        int link = ByteBuffer.wrap(empty).getInt(StreamFormat.HEADER_SIZE - StreamFormat.CHECKSUM_SIZE);
        try {
            int blocks = 0;
            for (int start = 0; start < images.size(); start += perBlock) {
                List<Image> block = images.subList(start, Math.min(images.size(), start + perBlock));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream data = new DataOutputStream(bytes);
                data.write(2);
                data.writeInt(blocks++);
                data.writeInt(block.size());
                data.writeInt(block.size()); // one run per image: runs need not be maximal
                data.writeInt(17 * block.size());
                int samples = 0;
                for (Image image : block) {
                    data.writeInt(1);
                    data.writeInt(image.width());
                    data.writeInt(image.height());
                    data.write(image.format().code());
                    data.writeInt(0);
                    samples += image.sampleCount();
                }
                data.writeInt(samples);
                for (Image image : block) {
                    data.write(image.samples());
                }
                link = checked(out, bytes.toByteArray(), link);
            }
            ByteArrayOutputStream end = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(end);
            data.write(0);
            data.writeLong(images.size());
            data.writeInt(blocks);
            checked(out, end.toByteArray(), link);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code count} noise images of {@code side x side} gray. */
    public static List<Image> noise(int count, int side, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        Image[] images = new Image[count];
        for (int i = 0; i < count; i++) {
            byte[] samples = new byte[side * side];
            random.nextBytes(samples);
            images[i] = Image.of(side, side, 1, samples);
        }
        return Arrays.asList(images);
    }

    /** Writes {@code section} and its checksum, chained to {@code link} as the format says; returns the checksum. */
    private static int checked(ByteArrayOutputStream out, byte[] section, int link) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(4).putInt(link).array());
        crc.update(section);
        out.write(section);
        new DataOutputStream(out).writeInt((int) crc.getValue());
        return (int) crc.getValue();
    }
}
