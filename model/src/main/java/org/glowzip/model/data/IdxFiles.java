package org.glowzip.model.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST, gzip-compressed ({@code *.gz}, through Commons
 * Compress) or plain. Images: magic {@code 0x00000803}, count, rows, columns (big-endian int32),
 * then unsigned bytes; labels: magic {@code 0x00000801}, count, then one unsigned byte each.
 */
public final class IdxFiles {
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;
    private static final int MAX_SIDE = 4096;
    private static final int MAX_COUNT = 10_000_000;

    private IdxFiles() {
    }

    /** Reads an image file and, if {@code labelsPath} is not null, its labels, as a one-channel set. */
    public static ImageSet read(Path imagesPath, Path labelsPath) throws IOException {
        int count;
        int rows;
        int columns;
        byte[] pixels;
        try (DataInputStream in = open(imagesPath)) {
            expect(in.readInt(), IMAGES_MAGIC, imagesPath);
            count = checked(in.readInt(), MAX_COUNT, "image count", imagesPath);
            rows = checked(in.readInt(), MAX_SIDE, "rows", imagesPath);
            columns = checked(in.readInt(), MAX_SIDE, "columns", imagesPath);
            long bytes = (long) count * rows * columns;
            if (bytes > Integer.MAX_VALUE - 8) {
                throw new IOException(imagesPath + ": " + bytes + " pixel bytes are too many");
            }
            pixels = new byte[(int) bytes];
            in.readFully(pixels);
        } catch (EOFException e) {
            throw new IOException(imagesPath + " is truncated", e);
        }
        int[] labels = new int[count];
        if (labelsPath == null) {
            Arrays.fill(labels, -1);
        } else {
            try (DataInputStream in = open(labelsPath)) {
                expect(in.readInt(), LABELS_MAGIC, labelsPath);
                int labelCount = checked(in.readInt(), MAX_COUNT, "label count", labelsPath);
                if (labelCount != count) {
                    throw new IOException(labelsPath + " has " + labelCount + " labels for " + count + " images");
                }
                for (int i = 0; i < count; i++) {
                    labels[i] = in.readUnsignedByte();
                }
            } catch (EOFException e) {
                throw new IOException(labelsPath + " is truncated", e);
            }
        }
        return new ImageSet(1, rows, columns, pixels, labels);
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
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(imagesPath)))) {
            out.writeInt(IMAGES_MAGIC);
            out.writeInt(set.size());
            out.writeInt(set.height());
            out.writeInt(set.width());
            for (int i = 0; i < set.size(); i++) {
                for (int value : set.image(i)) {
                    out.writeByte(value);
                }
            }
        }
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(labelsPath)))) {
            out.writeInt(LABELS_MAGIC);
            out.writeInt(set.size());
            for (int i = 0; i < set.size(); i++) {
                out.writeByte(set.label(i));
            }
        }
    }

    private static DataInputStream open(Path path) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        InputStream in = path.getFileName().toString().endsWith(".gz") ? new GzipCompressorInputStream(raw, true) : raw;
        return new DataInputStream(new BufferedInputStream(in, 1 << 16));
    }

    private static void expect(int magic, int expected, Path path) throws IOException {
        if (magic != expected) {
            throw new IOException(path + ": IDX magic 0x" + Integer.toHexString(magic) + ", expected 0x" + Integer.toHexString(expected));
        }
    }

    private static int checked(int value, int max, String what, Path path) throws IOException {
        if (value < 1 || value > max) {
            throw new IOException(path + ": " + what + " " + value + " outside [1, " + max + "]");
        }
        return value;
    }
}
