package org.glowzip.codec.stream;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.SampleFormat;

/**
 * A block's image table ({@link StreamFormat}): its images' shapes, sample formats and metadata
 * as runs of equal ones, each {@value #RUN_SIZE} bytes besides its metadata: count (4), width
 * (4), height (4), sample format (1), metadata length (4), metadata. A block of same-sized plain
 * images costs one run whatever its length. Version 2 runs are 13 bytes: count, width, height
 * and channels (1 or 3, 8-bit), without metadata.
 *
 * @param runs    the runs, in order
 * @param samples the block's samples in all
 */
public record ImageTable(List<Run> runs, long samples) {
    /** Bytes of a run without its metadata. */
    static final int RUN_SIZE = 17;
    /** Bytes of a version 2 run. */
    static final int V2_RUN_SIZE = 13;

    /**
     * Images of one shape, format and metadata.
     *
     * @param metadata the images' metadata; empty when they have none
     */
    public record Run(int count, ImageShape shape, byte[] metadata) {
    }

    /** The table of {@code images}: its runs' bytes, and how many runs they are. */
    static ImageTable of(List<Image> images) {
        List<Run> runs = new ArrayList<>();
        long samples = 0;
        for (int i = 0; i < images.size();) {
            Image first = images.get(i);
            int count = 1;
            while (i + count < images.size() && sameRun(first, images.get(i + count))) {
                count++;
            }
            runs.add(new Run(count, ImageShape.of(first), first.metadata()));
            samples += (long) count * first.sampleCount();
            i += count;
        }
        return new ImageTable(runs, samples);
    }

    /** Bytes of the table as the current version writes it. */
    int byteLength() {
        return runs.stream().mapToInt(run -> RUN_SIZE + run.metadata().length).sum();
    }

    /** The table's bytes, as the current version writes them. */
    byte[] write() {
        ByteBuffer out = ByteBuffer.allocate(byteLength());
        for (Run run : runs) {
            out.putInt(run.count()).putInt(run.shape().width()).putInt(run.shape().height()).put((byte) run.shape().format().code())
                    .putInt(run.metadata().length).put(run.metadata());
        }
        return out.array();
    }

    /**
     * Reads the table of a block.
     *
     * @param bytes  the table, {@link BlockHeader#tableLength} bytes
     * @param offset stream offset of {@code bytes[0]}, for errors
     * @throws MalformedStreamException if a run is invalid, the runs do not fill the table, their
     *         counts do not add up to the block's image count, or the block exceeds
     *         {@link StreamFormat#MAX_BLOCK_SAMPLES}
     */
    static ImageTable read(byte[] bytes, BlockHeader block, int version, long offset) throws MalformedStreamException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<Run> runs = new ArrayList<>(block.runCount());
        int images = 0;
        long samples = 0;
        for (int r = 0; r < block.runCount(); r++) {
            long entry = offset + in.position();
            int fixed = version >= StreamFormat.CHAINED_VERSION ? RUN_SIZE : V2_RUN_SIZE;
            if (in.remaining() < fixed) {
                throw new MalformedStreamException(entry, "image table ends inside run " + r);
            }
            long count = in.getInt() & 0xFFFF_FFFFL;
            long width = in.getInt() & 0xFFFF_FFFFL;
            long height = in.getInt() & 0xFFFF_FFFFL;
            int code = in.get() & 0xFF;
            String formatProblem = version >= StreamFormat.CHAINED_VERSION ? SampleFormat.codeProblem(code)
                    : code == 1 || code == 3 ? null : code + " channels; 1 (gray) or 3 (RGB) are supported";
            if (formatProblem != null) {
                throw new MalformedStreamException(entry + 12, formatProblem);
            }
            SampleFormat format = SampleFormat.ofCode(code);
            if (count < 1 || count > block.images() - images) {
                throw new MalformedStreamException(entry, "image run of " + count + " where " + (block.images() - images) + " images remain");
            }
            String problem = Image.shapeProblem(width, height, format);
            if (problem != null) {
                throw new MalformedStreamException(entry + 4, problem);
            }
            byte[] metadata = new byte[0];
            if (version >= StreamFormat.CHAINED_VERSION) {
                long length = in.getInt() & 0xFFFF_FFFFL;
                if (length > Math.min(Image.MAX_METADATA, in.remaining())) {
                    throw new MalformedStreamException(entry + 13, "metadata of " + length + " bytes where "
                            + Math.min(Image.MAX_METADATA, in.remaining()) + " fit");
                }
                metadata = new byte[(int) length];
                in.get(metadata);
            }
            samples += count * width * height * format.planes();
            if (samples > StreamFormat.MAX_BLOCK_SAMPLES) {
                throw new MalformedStreamException(entry, "block exceeds " + StreamFormat.MAX_BLOCK_SAMPLES + " samples");
            }
            runs.add(new Run((int) count, new ImageShape((int) width, (int) height, format), metadata));
            images += (int) count;
        }
        if (images != block.images()) {
            throw new MalformedStreamException(offset + in.position(), "image runs hold " + images + " of the block's " + block.images() + " images");
        }
        if (in.hasRemaining()) {
            throw new MalformedStreamException(offset + in.position(), in.remaining() + " bytes after the image table's runs");
        }
        return new ImageTable(List.copyOf(runs), samples);
    }

    /** The shape of each image, in order. */
    public List<ImageShape> shapes() {
        List<ImageShape> shapes = new ArrayList<>();
        for (Run run : runs) {
            shapes.addAll(Collections.nCopies(run.count(), run.shape()));
        }
        return shapes;
    }

    /** Images in all. */
    public int images() {
        return runs.stream().mapToInt(Run::count).sum();
    }

    /** Metadata bytes of the images in all. */
    public long metadataBytes() {
        return runs.stream().mapToLong(run -> (long) run.count() * run.metadata().length).sum();
    }

    /** {@code images}, decoded in order, each with its run's metadata. */
    List<Image> withMetadata(List<Image> images) {
        List<Image> out = new ArrayList<>(images.size());
        int i = 0;
        for (Run run : runs) {
            for (int k = 0; k < run.count(); k++, i++) {
                out.add(run.metadata().length == 0 ? images.get(i) : images.get(i).withMetadata(run.metadata()));
            }
        }
        return out;
    }

    private static boolean sameRun(Image a, Image b) {
        return ImageShape.of(a).equals(ImageShape.of(b)) && Arrays.equals(a.metadata(), b.metadata());
    }
}
