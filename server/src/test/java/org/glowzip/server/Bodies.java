package org.glowzip.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.input.IdxHeader;

/** Request and response bodies for tests: tars, zips, IDX files, gzip. */
public final class Bodies {
    private Bodies() {
    }

    /** A tar of named files. */
    public static byte[] tar(List<String> names, List<byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
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

    /** A zip of named files, deflated. */
    public static byte[] zip(List<String> names, List<byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < names.size(); i++) {
                zip.putNextEntry(new ZipEntry(names.get(i)));
                zip.write(files.get(i));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A tar of the images as PNGs (or PGM/PPM when {@code pnm}). */
    public static byte[] tarOf(List<Image> images, boolean pnm) {
        List<String> names = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            ImageFormat format = pnm ? ImageFormat.PNM : ImageFormat.PNG;
            names.add(String.format("dir/img%05d.%s", i, format.extension(images.get(i))));
            files.add(format.write(images.get(i)));
        }
        return tar(names, files);
    }

    /** The images of a tar of PNGs, in order, with their names. */
    public static List<Image> untar(byte[] tar, List<String> names) throws IOException {
        List<Image> images = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName());
                try {
                    images.add(ImageFormat.read(in.readAllBytes()));
                } catch (MalformedStreamException e) {
                    throw new AssertionError(entry.getName() + ": " + e.getMessage(), e);
                }
            }
        }
        return images;
    }

    /** An IDX file of gray images of one size. */
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

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
