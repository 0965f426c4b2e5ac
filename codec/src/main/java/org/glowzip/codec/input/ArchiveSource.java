package org.glowzip.codec.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.input.InputRejectedException.Reason;

/**
 * The files of a tar or zip archive, read as it streams by, in archive order: each is an input of
 * its own ({@link ImageInputs}: an image, an IDX file, another archive, a gzip), named
 * {@code archive/entry}. Directories and links are skipped; every other entry must hold images,
 * so that nothing is dropped silently. An archive without files is refused. After a tar
 * archive's end only zero bytes (record padding) may follow; after a zip's entries its central
 * directory follows and is not read.
 */
final class ArchiveSource implements ImageSource {
    private final InputStream in;
    private final String name;
    private final int depth;
    private final ImageInputs inputs;
    private final DecoderGuard guard;
    private final ArchiveInputStream<? extends ArchiveEntry> archive;
    private final boolean tar;
    private ImageSource member;
    private long members;
    private boolean ended;

    /** The archive of {@code kind} ({@link InputKind#TAR} or {@link InputKind#ZIP}) in {@code in}; its files are opened at {@code depth}. */
    ArchiveSource(InputKind kind, InputStream in, String name, int depth, ImageInputs inputs) {
        this.in = in;
        this.name = name;
        this.depth = depth;
        this.inputs = inputs;
        this.tar = kind == InputKind.TAR;
        this.guard = new DecoderGuard(name, tar ? "tar" : "zip");
        InputStream below = guard.below(in);
        // a block size of one record: the archive stops at its end-of-archive records, and finish() checks the padding after them
        this.archive = tar ? new TarArchiveInputStream(below, TarConstants.DEFAULT_RCDSIZE) : new ZipArchiveInputStream(below);
    }

    @Override
    public Image next() throws IOException {
        while (!ended) {
            if (member != null) {
                Image image = member.next();
                if (image != null) {
                    return image;
                }
                member = null;
            }
            ArchiveEntry entry = nextFile();
            if (entry == null) {
                ended = true;
                finish();
            } else {
                member = open(entry);
                members++;
            }
        }
        return null;
    }

    private ArchiveEntry nextFile() throws IOException {
        try {
            ArchiveEntry entry;
            do {
                entry = archive.getNextEntry();
            } while (entry != null && !isFile(entry));
            return entry;
        } catch (IOException | RuntimeException e) {
            throw guard.translate(e);
        }
    }

    private static boolean isFile(ArchiveEntry entry) {
        return entry instanceof TarArchiveEntry tarEntry ? tarEntry.isFile() : !entry.isDirectory();
    }

    private ImageSource open(ArchiveEntry entry) throws IOException {
        String entryName = name + "/" + entry.getName();
        if (entry instanceof ZipArchiveEntry zipEntry && !((ZipArchiveInputStream) archive).canReadEntryData(zipEntry)) {
            throw new InputRejectedException(Reason.UNSUPPORTED, entryName + ": a zip entry this reader cannot read (method "
                    + zipEntry.getMethod() + ", or encrypted, or stored with a data descriptor)");
        }
        InputStream data = new FilterInputStream(guard.above(archive)) {
            @Override
            public void close() {
                // the entry ends where the archive says; the archive itself stays open for the next entry
            }
        };
        return inputs.open(tar ? data : inputs.budget().expansion(data, entryName), entryName, depth);
    }

    /** Checks what follows the last entry, and that there was one. */
    private void finish() throws IOException {
        if (members == 0) {
            throw new InputRejectedException(Reason.NO_IMAGES, name + ": an empty " + (tar ? "tar" : "zip") + " archive");
        }
        if (tar) {
            long offset = ((TarArchiveInputStream) archive).getBytesRead();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != 0) {
                        throw new MalformedStreamException(offset + i, name + ": data after the end of the tar archive");
                    }
                }
                offset += n;
            }
        }
    }

    @Override
    public void close() throws IOException {
        archive.close();
    }
}
