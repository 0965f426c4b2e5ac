package org.glowzip.bench.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * An output written under a temporary name beside its target and moved onto it only when it is
 * complete ({@link #commit}), so that a command that fails, or is interrupted, leaves no partial
 * output: closing without committing removes everything that was written, and so does the JVM's
 * shutdown if it comes first (Ctrl-C).
 *
 * <ul>
 * <li>A file is staged as {@code .NAME.RANDOM.part} in the target's directory, then renamed over
 *     the target in one atomic step.</li>
 * <li>A directory that does not exist yet is staged as a sibling {@code .NAME.RANDOM.part} (its
 *     missing parents are created, and removed again on failure), then renamed to the target.</li>
 * <li>Into a directory that exists, files are staged in a hidden subdirectory of it, then moved
 *     out one by one (each atomically, replacing files of the same names; other files stay).</li>
 * </ul>
 */
public final class StagedOutput implements Closeable {
    private final Path target;
    private final Path staged;
    private final Path removeOnFailure;
    private final boolean intoExistingDirectory;
    private final Thread removeAtExit;
    private volatile boolean finished;

    private StagedOutput(Path target, Path staged, Path removeOnFailure, boolean intoExistingDirectory) {
        this.target = target;
        this.staged = staged;
        this.removeOnFailure = removeOnFailure;
        this.intoExistingDirectory = intoExistingDirectory;
        this.removeAtExit = new Thread(() -> {
            try {
                if (!finished) {
                    deleteTree(removeOnFailure);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "glowzip-remove-staged-output");
        Runtime.getRuntime().addShutdownHook(removeAtExit);
    }

    /** A file that will become {@code target}: its directory must exist, and it must not be a directory itself. */
    public static StagedOutput file(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new IOException(target + " is a directory");
        }
        if (!Files.isDirectory(absolute.getParent())) {
            throw new IOException("no such directory: " + absolute.getParent());
        }
        Path staged = create(absolute, false);
        return new StagedOutput(absolute, staged, staged, false);
    }

    /** A directory of files that will be {@code target}, or be moved into it if it exists. */
    public static StagedOutput directory(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            Path staged = create(absolute.resolve(".glowzip"), true);
            return new StagedOutput(absolute, staged, staged, true);
        }
        if (Files.exists(absolute)) {
            throw new IOException(target + " is not a directory");
        }
        Path firstMissing = absolute;
        while (!Files.exists(firstMissing.getParent())) {
            firstMissing = firstMissing.getParent();
        }
        Files.createDirectories(absolute.getParent());
        Path staged = create(absolute, true);
        return new StagedOutput(absolute, staged, firstMissing.equals(absolute) ? staged : firstMissing, false);
    }

    /** A new, empty file or directory {@code .NAME.RANDOM.part} beside {@code target}. */
    private static Path create(Path target, boolean directory) throws IOException {
        while (true) {
            String random = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
            Path path = target.resolveSibling("." + target.getFileName() + "." + random + ".part");
            try {
                return directory ? Files.createDirectory(path) : Files.createFile(path);
            } catch (FileAlreadyExistsException e) {
                continue; // another random name
            }
        }
    }

    /** Where to write until {@link #commit}: the staged file, or the staged directory to put files in. */
    public Path path() {
        return staged;
    }

    /** Moves what was written onto the target. */
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException("the output to " + target + " is already committed or removed");
        }
        if (intoExistingDirectory) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(staged)) {
                for (Path file : files) {
                    Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.delete(staged);
        } else {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        }
        finish();
    }

    /** Removes what was written, unless it was committed. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finish();
            deleteTree(removeOnFailure);
        }
    }

    private void finish() {
        finished = true;
        try {
            Runtime.getRuntime().removeShutdownHook(removeAtExit);
        } catch (IllegalStateException e) {
            return; // the JVM is already shutting down: the hook runs anyway
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
