package org.glowzip.codec.input;

import java.io.IOException;
import java.io.InputStream;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.SampleFormat;
import org.glowzip.codec.input.InputRejectedException.Reason;

/**
 * The images of an IDX file ({@link IdxHeader}: unsigned bytes in 3 dimensions, count x rows x
 * columns), one gray image at a time. The header's promises are checked against the limits
 * before any image is read; nothing may follow the last image.
 */
final class IdxImageSource implements ImageSource {
    private final InputStream in;
    private final String name;
    private final Budget budget;
    private final long count;
    private final int rows;
    private final int columns;
    private final long dataOffset;
    private long index;

    /** Reads and checks the header; {@code refusal} is the reason given if the file does not hold images. */
    IdxImageSource(InputStream in, String name, Budget budget, Reason refusal) throws IOException {
        this.in = in;
        this.name = name;
        this.budget = budget;
        IdxHeader header = IdxHeader.read(in, name);
        if (!header.isUnsignedBytes(3)) {
            throw new InputRejectedException(refusal, name + ": " + header
                    + "; images are unsigned bytes in 3 dimensions (magic 00 00 08 03)");
        }
        count = header.size(0);
        long r = header.size(1);
        long c = header.size(2);
        String problem = Image.shapeProblem(c, r, SampleFormat.GRAY);
        if (problem != null) {
            throw new MalformedStreamException(8, name + ": IDX header: " + problem);
        }
        budget.checkPixels(r * c, name + ": IDX images of " + c + "x" + r + " exceed");
        if (count == 0) {
            throw new InputRejectedException(Reason.NO_IMAGES, name + ": an IDX file of 0 images");
        }
        budget.expect(count, r * c > Long.MAX_VALUE / count ? Long.MAX_VALUE : count * r * c, name);
        rows = (int) r;
        columns = (int) c;
        dataOffset = header.bytes();
    }

    @Override
    public Image next() throws IOException {
        if (index > count) {
            return null;
        }
        int size = rows * columns;
        long offset = dataOffset + index * size;
        if (index == count) {
            index++;
            if (in.read() >= 0) {
                throw new MalformedStreamException(offset, name + ": data after the last of " + count + " IDX images");
            }
            return null;
        }
        byte[] samples = in.readNBytes(size);
        if (samples.length < size) {
            throw new MalformedStreamException(offset + samples.length, name + ": IDX truncated in image " + index + " of " + count);
        }
        Image image = Image.of(columns, rows, 1, samples);
        budget.count(image, name);
        index++;
        return image;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
