package org.glowzip.codec.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.glowzip.codec.image.Image;

/** Inputs for tests, built in memory: tars, zips, gzips, IDX files, and gzip bombs that are never held whole. */
public final class Containers {
    private Containers() {
    }

    /** A tar of named files. */
    public static byte[] tar(List<String> names, List<byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (int i = 0; i < names.size(); i++) {
                TarArchiveEntry entry = new TarArchiveEntry(names.get(i));
                entry.setSize(files.get(i).length);
                tar.putArchiveEntry(entry);
                tar.write(files.get(i));
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip (deflated entries) of named files. */
    public static byte[] zip(List<String> names, List<byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            for (int i = 0; i < names.size(); i++) {
                zip.putArchiveEntry(new ZipArchiveEntry(names.get(i)));
                zip.write(files.get(i));
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An IDX file of gray images of one size. */
    public static byte[] idx(List<Image> images) {
        return idx(images, images.get(0).height(), images.get(0).width());
    }

    /** An IDX file of gray images of {@code rows x columns}, which may be none. */
    public static byte[] idx(List<Image> images, int rows, int columns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            IdxHeader.unsignedBytes(images.size(), rows, columns).write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        images.forEach(image -> out.writeBytes(image.samples()));
        return out.toByteArray();
    }

    /**
     * A gzip that inflates to {@code prefix} and then {@code megabytes} MiB of zero bytes: one
     * member for the prefix, then the same 1 MiB-of-zeros member (about 1 KB) over and over, as
     * concatenated gzip members. It is generated as it is read, so that a test can offer an
     * input of gigabytes without holding even its compressed form.
     */
    public static InputStream bomb(byte[] prefix, long megabytes) {
        byte[] head = gzip(prefix);
        byte[] zeros = gzip(new byte[1 << 20]);
        long length = head.length + megabytes * zeros.length;
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position == length) {
                    return -1;
                }
                long at = position++;
                return (at < head.length ? head[(int) at] : zeros[(int) ((at - head.length) % zeros.length)]) & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position == length) {
                    return -1;
                }
                int n = (int) Math.min(len, length - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        };
    }
}
