package org.glowzip.server.input;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.glowzip.codec.image.Image;
import org.glowzip.server.ApiException;
import org.glowzip.server.ErrorKind;

/**
 * A body that is a tar (POSIX ustar, GNU or pax) of PNG, PGM or PPM files: the regular files are
 * the images, in archive order; directories and links are skipped; any other regular file is
 * refused as undecodable, so that nothing is dropped silently. Bytes after the archive's end
 * (record padding) are read and ignored.
 */
final class TarImageSource implements ImageSource {
    private final InputStream body;
    private final TarArchiveInputStream tar;
    private final InputLimits limits;
    private boolean done;

    TarImageSource(InputStream body, InputLimits limits) {
        this.body = body;
        this.tar = new TarArchiveInputStream(body);
        this.limits = limits;
    }

    @Override
    public Image next() throws IOException, ApiException {
        if (done) {
            return null;
        }
        TarArchiveEntry entry;
        try {
            do {
                entry = tar.getNextEntry();
            } while (entry != null && !entry.isFile());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorKind.MALFORMED, "bad tar archive: " + e.getMessage());
        }
        if (entry == null) {
            done = true;
            body.transferTo(java.io.OutputStream.nullOutputStream());
            return null;
        }
        byte[] file = ImageFiles.readFile(tar, entry.getSize(), entry.getName(), limits);
        return ImageFiles.decode(file, entry.getName(), limits);
    }
}
