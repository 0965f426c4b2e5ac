package org.glowzip.bench.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.SampleFormat;
import org.glowzip.codec.image.ImageFormat;

/**
 * Turns command-line inputs into images: PNG, PGM and PPM files, directories of them (sorted by
 * name), tar, tar.gz and zip archives of them, and IDX image files (plain or gzip), recognized by
 * their content, not their names; {@code -} reads standard input.
 */
public final class ImageInputs {
    private static final int IDX_IMAGES_MAGIC = 0x00000803;
    private static final long MAX_IDX_BYTES = 1L << 31;

    private ImageInputs() {
    }

    /** Every image of every input, in order. */
    public static List<NamedImage> read(List<String> inputs) throws IOException {
        List<NamedImage> images = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals("-")) {
                images.addAll(fromBytes("stdin", System.in.readAllBytes()));
            } else {
                images.addAll(fromPath(Path.of(input)));
            }
        }
        return images;
    }

    private static List<NamedImage> fromPath(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            List<NamedImage> images = new ArrayList<>();
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    images.addAll(fromBytes(path.relativize(file).toString(), Files.readAllBytes(file)));
                }
            }
            return images;
        }
        return fromBytes(path.getFileName().toString(), Files.readAllBytes(path));
    }

    /** The images in one file's bytes, by content type. */
    public static List<NamedImage> fromBytes(String name, byte[] bytes) throws IOException {
        if (ImageFormat.detect(bytes) != null) {
            return List.of(new NamedImage(name, ImageFormat.read(bytes)));
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1f && (bytes[1] & 0xFF) == 0x8b) {
            try (InputStream in = new GzipCompressorInputStream(new ByteArrayInputStream(bytes))) {
                return fromBytes(name.replaceFirst("\\.gz$", ""), in.readAllBytes());
            }
        }
        if (bytes.length >= 4 && ByteBuffer.wrap(bytes).getInt() == IDX_IMAGES_MAGIC) {
            return idx(name, bytes);
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return archive(new ZipArchiveInputStream(new ByteArrayInputStream(bytes)));
        }
        if (bytes.length >= 262 && new String(bytes, 257, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("ustar")) {
            return archive(new TarArchiveInputStream(new ByteArrayInputStream(bytes)));
        }
        throw new MalformedStreamException(0, name + ": not an image, IDX file, tar or zip archive");
    }

    private static List<NamedImage> archive(ArchiveInputStream<? extends ArchiveEntry> archive) throws IOException {
        List<NamedImage> images = new ArrayList<>();
        try (archive) {
            for (ArchiveEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
                if (!entry.isDirectory()) {
                    images.addAll(fromBytes(entry.getName(), archive.readAllBytes()));
                }
            }
        }
        return images;
    }

    /** IDX: magic, count, rows, columns (big-endian), then the samples; sizes checked first. */
    private static List<NamedImage> idx(String name, byte[] bytes) throws MalformedStreamException {
        if (bytes.length < 16) {
            throw new MalformedStreamException(bytes.length, name + ": IDX header truncated");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.getInt();
        long count = in.getInt() & 0xFFFF_FFFFL;
        long rows = in.getInt() & 0xFFFF_FFFFL;
        long columns = in.getInt() & 0xFFFF_FFFFL;
        String problem = Image.shapeProblem(columns, rows, SampleFormat.GRAY);
        if (problem != null) {
            throw new MalformedStreamException(8, name + ": " + problem);
        }
        if (16 + count * rows * columns > Math.min(bytes.length, MAX_IDX_BYTES)) {
            throw new MalformedStreamException(bytes.length, name + ": IDX holds " + (bytes.length - 16) + " sample bytes, header promises "
                    + count * rows * columns);
        }
        List<NamedImage> images = new ArrayList<>((int) count);
        int size = (int) (rows * columns);
        for (int i = 0; i < count; i++) {
            byte[] samples = new byte[size];
            in.get(samples);
            images.add(new NamedImage(name + "#" + i, Image.of((int) columns, (int) rows, 1, samples)));
        }
        return images;
    }
}
