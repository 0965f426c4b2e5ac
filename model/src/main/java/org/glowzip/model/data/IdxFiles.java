package org.glowzip.model.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.input.IdxHeader;

/**
 * The IDX files of MNIST and Fashion-MNIST ({@link IdxHeader}), plain or gzip: images through the
 * codec's input layer ({@link ImageSet#read}), labels (unsigned bytes in 1 dimension) beside them.
 */
public final class IdxFiles {
    private IdxFiles() {
    }

    /** Reads an image file and, if {@code labelsPath} is not null, its labels, as a one-channel set. */
    public static ImageSet read(Path imagesPath, Path labelsPath) throws IOException {
        ImageSet images = ImageSet.read(imagesPath, 1);
        return labelsPath == null ? images : images.withLabels(readLabels(labelsPath, images.size()));
    }

    /**
     * The standard split names in {@code directory}: {@code train-images-idx3-ubyte.gz} with
     * {@code train-labels-idx1-ubyte.gz}, or {@code t10k-...} for {@code test = true}.
     */
    public static ImageSet readSplit(Path directory, boolean test) throws IOException {
        String prefix = test ? "t10k" : "train";
        Path labels = directory.resolve(prefix + "-labels-idx1-ubyte.gz");
        return read(directory.resolve(prefix + "-images-idx3-ubyte.gz"), Files.exists(labels) ? labels : null);
    }

    /** Writes images (one channel) and labels as gzip IDX files, e.g. for a test sample. */
    public static void write(ImageSet set, Path imagesPath, Path labelsPath) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(imagesPath))) {
            IdxHeader.unsignedBytes(set.size(), set.height(), set.width()).write(out);
            for (int i = 0; i < set.size(); i++) {
                out.write(set.samples(i));
            }
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(labelsPath))) {
            IdxHeader.unsignedBytes(set.size()).write(out);
            for (int i = 0; i < set.size(); i++) {
                out.write(set.label(i));
            }
        }
    }

    /** The {@code count} labels of a labels file, plain or gzip (by its first bytes, {@code 1F 8B}). */
    private static int[] readLabels(Path path, int count) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        raw.mark(2);
        int first = raw.read();
        boolean gzip = first == 0x1F && raw.read() == 0x8B;
        raw.reset();
        try (InputStream in = gzip ? new GzipCompressorInputStream(raw, true) : raw) {
            IdxHeader header = IdxHeader.read(in, path.toString());
            if (!header.isUnsignedBytes(1)) {
                throw new IOException(path + ": " + header + "; labels are unsigned bytes in 1 dimension (magic 00 00 08 01)");
            }
            if (header.size(0) != count) {
                throw new IOException(path + " has " + header.size(0) + " labels for " + count + " images");
            }
            byte[] bytes = in.readNBytes(count);
            if (bytes.length < count) {
                throw new MalformedStreamException(header.bytes() + bytes.length, path + ": truncated after " + bytes.length + " of " + count + " labels");
            }
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xFF;
            }
            return labels;
        }
    }
}
