package org.glowzip.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.input.Containers;

/** Request and response bodies for tests: tars of images and back (archives and IDX files themselves: {@link Containers}). */
public final class Bodies {
    private Bodies() {
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
        return Containers.tar(names, files);
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
}
