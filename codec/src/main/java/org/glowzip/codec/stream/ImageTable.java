package org.glowzip.codec.stream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.SampleFormat;

/**
 * A block's image table ({@link StreamFormat}): the shapes of its images as runs of equal shapes,
 * each run {@value StreamFormat#RUN_SIZE} bytes: count (4), width (4), height (4), channels (1).
 * A block of same-sized images costs one run whatever its length. Stream version 2 holds 8-bit
 * gray and RGB images without metadata only.
 *
 * @param shapes  the shape of each image, in order
 * @param samples the block's samples in all
 */
public record ImageTable(List<ImageShape> shapes, long samples) {

    /** The table of {@code images}, as bytes. */
    static byte[] encode(List<Image> images) {
        images.forEach(ImageTable::requireWritable);
        ByteArrayOutputStream runs = new ByteArrayOutputStream();
        int runCount = 0;
        for (int i = 0; i < images.size();) {
            Image first = images.get(i);
            int count = 1;
            while (i + count < images.size() && sameShape(first, images.get(i + count))) {
                count++;
            }
            runs.writeBytes(ByteBuffer.allocate(StreamFormat.RUN_SIZE).putInt(count).putInt(first.width()).putInt(first.height())
                    .put((byte) first.channels()).array());
            runCount++;
            i += count;
        }
        return ByteBuffer.allocate(4 + runs.size()).putInt(runCount).put(runs.toByteArray()).array();
    }

    /**
     * Reads the runs of a block of {@code images} images.
     *
     * @param runs   {@code runCount * RUN_SIZE} bytes
     * @param offset stream offset of {@code runs[0]}, for errors
     * @throws MalformedStreamException if a shape is invalid, the counts do not add up to
     *         {@code images}, or the block exceeds {@link StreamFormat#MAX_BLOCK_SAMPLES}
     */
    public static ImageTable decode(byte[] runs, int images, long offset) throws MalformedStreamException {
        ByteBuffer in = ByteBuffer.wrap(runs);
        List<ImageShape> shapes = new ArrayList<>();
        long samples = 0;
        while (in.hasRemaining()) {
            long entry = offset + in.position();
            long count = in.getInt() & 0xFFFF_FFFFL;
            long width = in.getInt() & 0xFFFF_FFFFL;
            long height = in.getInt() & 0xFFFF_FFFFL;
            int channels = in.get() & 0xFF;
            if (channels != 1 && channels != 3) {
                throw new MalformedStreamException(entry + 12, channels + " channels; 1 (gray) or 3 (RGB) are supported");
            }
            SampleFormat format = SampleFormat.of8Bit(channels);
            if (count < 1 || count > images - shapes.size()) {
                throw new MalformedStreamException(entry, "image run of " + count + " where " + (images - shapes.size()) + " images remain");
            }
            String problem = Image.shapeProblem(width, height, format);
            if (problem != null) {
                throw new MalformedStreamException(entry + 4, problem);
            }
            samples += count * width * height * channels;
            if (samples > StreamFormat.MAX_BLOCK_SAMPLES) {
                throw new MalformedStreamException(entry, "block exceeds " + StreamFormat.MAX_BLOCK_SAMPLES + " samples");
            }
            for (long i = 0; i < count; i++) {
                shapes.add(new ImageShape((int) width, (int) height, format));
            }
        }
        if (shapes.size() != images) {
            throw new MalformedStreamException(offset + runs.length, "image runs hold " + shapes.size() + " of the block's " + images + " images");
        }
        return new ImageTable(shapes, samples);
    }

    /** Checks a run count before its runs are read, so that nothing is allocated for a forged one. */
    public static void checkRunCount(long runCount, int images, long offset) throws MalformedStreamException {
        if (runCount < 1 || runCount > images) {
            throw new MalformedStreamException(offset, "image run count " + runCount + " outside 1.." + images);
        }
    }

    /** Refuses what this version cannot hold, rather than dropping it. */
    static void requireWritable(Image image) {
        if (!image.format().equals(SampleFormat.GRAY) && !image.format().equals(SampleFormat.RGB) || image.hasMetadata()) {
            throw new IllegalArgumentException("this format version holds 8-bit gray and RGB images without metadata, not " + image);
        }
    }

    private static boolean sameShape(Image a, Image b) {
        return ImageShape.of(a).equals(ImageShape.of(b));
    }
}
