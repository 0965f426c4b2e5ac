package org.glowzip.codec.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.glowzip.codec.input.InputRejectedException.Reason;

/**
 * Opens inputs of images: the one place where glowzip's command line, server and trainer turn
 * bytes into {@link org.glowzip.codec.image.Image}s. An input is recognized by its first bytes
 * ({@link InputKind}), never by its name:
 *
 * <ul>
 * <li>an image file: PNG, PGM ({@code P5}) or PPM ({@code P6}), decoded by
 *     {@link org.glowzip.codec.image.ImageFormat#read};</li>
 * <li>an IDX file of images ({@link IdxHeader}): gray images of one size;</li>
 * <li>a tar or zip archive: its files in archive order, directories and links skipped
 *     ({@link ArchiveSource});</li>
 * <li>a gzip of any of these (concatenated members read as one stream);</li>
 * <li>from a path, a directory: its regular files, subdirectories included, in path order; hidden
 *     ones (a name on the way starts with a dot) are left out.</li>
 * </ul>
 *
 * <p>Containers nest up to {@value #MAX_DEPTH} deep (a tar.gz of gzipped IDX files is three).
 * Every file inside an archive or directory must itself be one of these kinds, so that nothing is
 * dropped silently. Every input must hold an image: an empty input, one of only zero bytes (such
 * as a gzip of zeros), an empty archive, directory or IDX file is refused
 * ({@link Reason#NO_IMAGES}).
 *
 * <p>Images are read one at a time as the bytes stream by ({@link ImageSource}); nothing holds a
 * whole input. Everything opened through one instance shares one budget of {@link InputLimits}.
 *
 * <p>Names, in messages: a file is named by its path, an archive's file by the archive's name, a
 * slash and the entry name ({@code photos.tar.gz/a/b.png}); a gzip's content by the gzip's name.
 *
 * <p>Errors: damaged bytes of a container or IDX file raise
 * {@link org.glowzip.codec.MalformedStreamException}; refusals raise
 * {@link InputRejectedException}; failures of the underlying stream or file pass unchanged.
 */
public final class ImageInputs {
    /** Most containers (gzip, tar, zip) nested inside each other. */
    public static final int MAX_DEPTH = 8;

    private static final int BUFFER_BYTES = 1 << 16;

    /** Something to open when its turn comes: see {@link #concat}. */
    @FunctionalInterface
    public interface Opener {
        ImageSource open() throws IOException;
    }

    private final Budget budget;

    public ImageInputs(InputLimits limits) {
        this.budget = new Budget(limits);
    }

    /**
     * The images of a file or directory. A directory's files (hidden ones left out) are listed now
     * and opened one at a time as they are reached.
     *
     * @throws java.nio.file.NoSuchFileException if there is no such file (others as {@link Files#newInputStream} throws them)
     */
    public ImageSource open(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return open(path, 0);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(file -> Files.isRegularFile(file) && !isHidden(path.relativize(file))).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new InputRejectedException(Reason.NO_IMAGES, path + ": a directory without files");
        }
        return concat(files.stream().map(file -> (Opener) () -> open(file, 1)).toList());
    }

    /**
     * The images of a stream called {@code name} (for messages). Its first bytes are read now, to
     * recognize what it holds; closing the source closes {@code in}.
     */
    public ImageSource open(InputStream in, String name) throws IOException {
        return open(in, name, 0);
    }

    /** True if a name on {@code relative} starts with a dot: hidden files and folders (.git, .DS_Store, a half-written .x.part). */
    private static boolean isHidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The images of {@code inputs}, one after the other, each opened when the one before it has ended. */
    public static ImageSource concat(List<? extends Opener> inputs) {
        return new SequenceSource(inputs);
    }

    Budget budget() {
        return budget;
    }

    private ImageSource open(Path file, int depth) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return open(in, file.toString(), depth);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * The images of {@code raw}, inside {@code depth} containers: refused at depth 0 as
     * {@link Reason#UNSUPPORTED} if it is no accepted kind, deeper as {@link Reason#UNDECODABLE}
     * (a file of an archive that is not an image).
     */
    ImageSource open(InputStream raw, String name, int depth) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER_BYTES);
        in.mark(InputKind.SNIFF_BYTES);
        byte[] head = in.readNBytes(InputKind.SNIFF_BYTES);
        in.reset();
        if (head.length == 0) {
            throw new InputRejectedException(Reason.NO_IMAGES, name + " is empty");
        }
        if (InputKind.onlyZeros(head)) {
            throw new InputRejectedException(Reason.NO_IMAGES, name + ": only zero bytes, no images");
        }
        InputKind kind = InputKind.of(head);
        if (kind == null) {
            throw new InputRejectedException(depth == 0 ? Reason.UNSUPPORTED : Reason.UNDECODABLE,
                    name + ": not a PNG, PGM (P5), PPM (P6), IDX, tar, zip or gzip file");
        }
        if ((kind == InputKind.GZIP || kind == InputKind.TAR || kind == InputKind.ZIP) && depth == MAX_DEPTH) {
            throw new InputRejectedException(Reason.UNSUPPORTED, name + ": containers nested more than " + MAX_DEPTH + " deep");
        }
        return switch (kind) {
            case IMAGE -> new ImageFileSource(in, name, budget);
            case IDX -> new IdxImageSource(in, name, budget, depth == 0 ? Reason.UNSUPPORTED : Reason.UNDECODABLE);
            case TAR, ZIP -> new ArchiveSource(kind, in, name, depth + 1, this);
            case GZIP -> open(budget.expansion(gunzip(in, name), name), name, depth + 1);
        };
    }

    private static InputStream gunzip(InputStream in, String name) throws IOException {
        DecoderGuard guard = new DecoderGuard(name, "gzip");
        try {
            return guard.above(GzipCompressorInputStream.builder().setInputStream(guard.below(in)).setDecompressConcatenated(true).get());
        } catch (IOException | RuntimeException e) {
            throw guard.translate(e);
        }
    }
}
