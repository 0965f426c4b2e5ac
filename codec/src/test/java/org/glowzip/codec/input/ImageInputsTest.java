package org.glowzip.codec.input;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.input.InputRejectedException.Reason;
import org.glowzip.codec.stream.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of input, nested, and every refusal with its reason and message. */
class ImageInputsTest {
    private static final Image GRAY = TestImages.image(5, 7, 1, "noise", 1);
    private static final Image RGB = TestImages.image(6, 4, 3, "noise", 2);
    private static final List<Image> DIGITS = TestImages.fashionMnist(3);

    static List<Image> read(byte[] bytes, InputLimits limits) throws IOException {
        try (ImageSource source = new ImageInputs(limits).open(new ByteArrayInputStream(bytes), "in")) {
            return source.readAll();
        }
    }

    static List<Image> read(byte[] bytes) throws IOException {
        return read(bytes, InputLimits.DEFAULTS);
    }

    static InputRejectedException refused(Reason reason, String message, byte[] bytes, InputLimits limits) {
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> read(bytes, limits));
        assertEquals(message, e.getMessage());
        assertEquals(reason, e.reason());
        return e;
    }

    static MalformedStreamException malformed(String reason, byte[] bytes) {
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> read(bytes));
        assertEquals(reason, e.reason());
        return e;
    }

    private static byte[] png(Image image) {
        return ImageFormat.PNG.write(image);
    }

    private static byte[] pnm(Image image) {
        return ImageFormat.PNM.write(image);
    }

    @Test
    void imageFilesAndIdxFiles() throws IOException {
        assertEquals(List.of(GRAY), read(png(GRAY)));
        assertEquals(List.of(RGB), read(png(RGB)));
        assertEquals(List.of(GRAY), read(pnm(GRAY)));
        assertEquals(List.of(RGB), read(pnm(RGB)));
        assertEquals(DIGITS, read(Containers.idx(DIGITS)));
    }

    @Test
    void archivesHoldFilesInOrderAndSkipDirectories() throws IOException {
        List<String> names = List.of("b.png", "a/c.ppm", "digits.idx");
        List<byte[]> files = List.of(png(GRAY), pnm(RGB), Containers.idx(DIGITS));
        List<Image> expected = new ArrayList<>(List.of(GRAY, RGB));
        expected.addAll(DIGITS);
        assertEquals(expected, read(Containers.tar(names, files)));
        assertEquals(expected, read(Containers.zip(names, files)));
        assertEquals(expected, read(Containers.gzip(Containers.tar(names, files))));
        assertEquals(List.of(GRAY), read(Containers.tar(List.of("dir/", "dir/x.png"), List.of(new byte[0], png(GRAY)))));
        assertEquals(List.of(GRAY), read(Containers.zip(List.of("dir/", "dir/x.png"), List.of(new byte[0], png(GRAY)))));
    }

    @Test
    void containersNestInsideEachOther() throws IOException {
        byte[] inner = Containers.zip(List.of("digits.idx.gz", "gray.png"), List.of(Containers.gzip(Containers.idx(DIGITS)), png(GRAY)));
        byte[] outer = Containers.gzip(Containers.tar(List.of("rgb.ppm", "inner.zip"), List.of(pnm(RGB), inner)));
        List<Image> expected = new ArrayList<>(List.of(RGB));
        expected.addAll(DIGITS);
        expected.add(GRAY);
        assertEquals(expected, read(outer));
    }

    /** Any images, in a tar or zip, wrapped in any chain of containers, come back in order. */
    @Property(tries = 60)
    void anyNestingOfContainersReadsBackTheImages(@ForAll("images") List<Image> images, @ForAll boolean pnm, @ForAll boolean zip,
            @ForAll("wrappers") List<String> wrappers) throws IOException {
        List<String> names = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        for (Image image : images) {
            names.add("img" + names.size());
            files.add(pnm ? pnm(image) : png(image));
        }
        byte[] input = zip ? Containers.zip(names, files) : Containers.tar(names, files);
        for (String wrapper : wrappers) {
            input = switch (wrapper) {
                case "gzip" -> Containers.gzip(input);
                case "tar" -> Containers.tar(List.of("inner"), List.of(input));
                default -> Containers.zip(List.of("inner"), List.of(input));
            };
        }
        assertEquals(images, read(input));
    }

    @Provide
    Arbitrary<List<Image>> images() {
        return TestImages.images().list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<String>> wrappers() {
        return Arbitraries.of("gzip", "tar", "zip").list().ofMaxSize(5);
    }

    @Test
    void directoriesAreReadInPathOrderWithoutHiddenFiles(@TempDir Path directory) throws IOException {
        Files.createDirectories(directory.resolve("b"));
        Files.write(directory.resolve("b/1.png"), png(RGB));
        Files.write(directory.resolve("a.pgm"), pnm(GRAY));
        Files.write(directory.resolve("c.idx.gz"), Containers.gzip(Containers.idx(DIGITS)));
        Files.write(directory.resolve(".DS_Store"), new byte[] {1, 2, 3}); // hidden files and folders are left out
        Files.createDirectories(directory.resolve("b/.git"));
        Files.write(directory.resolve("b/.git/config"), new byte[] {1, 2, 3});
        List<Image> expected = new ArrayList<>(List.of(GRAY, RGB));
        expected.addAll(DIGITS);
        try (ImageSource source = new ImageInputs(InputLimits.DEFAULTS).open(directory)) {
            assertEquals(expected, source.readAll());
        }
        Files.write(directory.resolve("b/notes.txt"), "hi".getBytes(StandardCharsets.US_ASCII));
        try (ImageSource source = new ImageInputs(InputLimits.DEFAULTS).open(directory)) {
            InputRejectedException e = assertThrows(InputRejectedException.class, source::readAll);
            assertEquals(directory.resolve("b/notes.txt") + ": not a PNG, PGM (P5), PPM (P6), IDX, tar, zip or gzip file", e.getMessage());
        }
        Path empty = Files.createDirectory(directory.resolve("empty"));
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> new ImageInputs(InputLimits.DEFAULTS).open(empty));
        assertEquals(Reason.NO_IMAGES, e.reason());
        assertEquals(empty + ": a directory without files", e.getMessage());
    }

    @Test
    void concatenatedInputsOpenOneAfterTheOtherAndShareTheLimits() throws IOException {
        ImageInputs inputs = new ImageInputs(new InputLimits(1 << 20, 4, 1 << 20, 1 << 20));
        List<String> opened = new ArrayList<>();
        List<ImageInputs.Opener> openers = new ArrayList<>();
        for (String name : List.of("first", "second", "third")) {
            openers.add(() -> {
                opened.add(name);
                return inputs.open(new ByteArrayInputStream(Containers.idx(DIGITS.subList(0, 2))), name);
            });
        }
        try (ImageSource source = ImageInputs.concat(openers)) {
            assertEquals(DIGITS.get(0), source.next());
            assertEquals(List.of("first"), opened);
            assertEquals(DIGITS.subList(1, 2), List.of(source.next()));
            assertEquals(List.of(DIGITS.get(0), DIGITS.get(1)), List.of(source.next(), source.next()));
            assertEquals(List.of("first", "second"), opened);
            InputRejectedException e = assertThrows(InputRejectedException.class, source::next);
            assertEquals(Reason.IMAGES, e.reason());
            assertEquals("third: 2 images after 4 exceed the limit of 4 images", e.getMessage());
        }
    }

    @Test
    void inputsWithoutImagesAreRefused() throws IOException {
        InputLimits limits = InputLimits.DEFAULTS;
        refused(Reason.NO_IMAGES, "in is empty", new byte[0], limits);
        refused(Reason.NO_IMAGES, "in: only zero bytes, no images", Containers.gzip(new byte[1 << 20]), limits);
        refused(Reason.NO_IMAGES, "in: only zero bytes, no images", new byte[100], limits);
        refused(Reason.NO_IMAGES, "in: only zero bytes, no images", Containers.tar(List.of(), List.of()), limits);
        refused(Reason.NO_IMAGES, "in: an empty tar archive", Containers.tar(List.of("dir/"), List.of(new byte[0])), limits);
        refused(Reason.NO_IMAGES, "in: an empty zip archive", Containers.zip(List.of(), List.of()), limits);
        refused(Reason.NO_IMAGES, "in is empty", Containers.gzip(new byte[0]), limits);
        byte[] idxHeader = Arrays.copyOf(Containers.idx(DIGITS), 16);
        idxHeader[7] = 0; // 0 images
        refused(Reason.NO_IMAGES, "in: an IDX file of 0 images", idxHeader, limits);
        refused(Reason.NO_IMAGES, "in/empty.png is empty", Containers.tar(List.of("a.png", "empty.png"), List.of(png(GRAY), new byte[0])), limits);
        // an archive whose only file holds no images is refused for that file
        refused(Reason.NO_IMAGES, "in/z.idx: an IDX file of 0 images", Containers.zip(List.of("z.idx"), List.of(idxHeader)), limits);
    }

    @Test
    void foreignInputsAreRefused() {
        InputLimits limits = InputLimits.DEFAULTS;
        refused(Reason.UNSUPPORTED, "in: not a PNG, PGM (P5), PPM (P6), IDX, tar, zip or gzip file",
                "hello, world".getBytes(StandardCharsets.US_ASCII), limits);
        refused(Reason.UNDECODABLE, "in/notes.txt: not a PNG, PGM (P5), PPM (P6), IDX, tar, zip or gzip file",
                Containers.tar(List.of("a.png", "notes.txt"), List.of(png(GRAY), "hi".getBytes(StandardCharsets.US_ASCII))), limits);
        refused(Reason.UNSUPPORTED, "in: IDX of type 0x08 with 1 dimensions; images are unsigned bytes in 3 dimensions (magic 00 00 08 03)",
                new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 7}, limits);
        byte[] png = png(GRAY);
        InputRejectedException e = refused(Reason.UNDECODABLE, "in: PNG truncated: chunk IDAT of 53 bytes, 45 present",
                Arrays.copyOf(png, png.length - 20), limits);
        assertEquals(MalformedStreamException.class, e.getCause().getClass());
        byte[] nested = png;
        for (int level = 0; level < ImageInputs.MAX_DEPTH; level++) {
            nested = Containers.gzip(nested);
        }
        byte[] deepest = nested;
        assertEquals(List.of(GRAY), assertDoesNotThrow(() -> read(deepest)));
        refused(Reason.UNSUPPORTED, "in: containers nested more than 8 deep", Containers.gzip(nested), limits);
    }

    @Test
    void damagedContainersAreMalformed() {
        byte[] idx = Containers.idx(DIGITS);
        assertEquals(16 + 2 * 784 + 783, malformed("in: IDX truncated in image 2 of 3", Arrays.copyOf(idx, idx.length - 1)).offset());
        assertEquals(idx.length, malformed("in: data after the last of 3 IDX images", Arrays.copyOf(idx, idx.length + 1)).offset());
        malformed("in: IDX header truncated: 12 of 16 bytes", Arrays.copyOf(idx, 12));
        byte[] gzip = Containers.gzip(idx);
        MalformedStreamException truncated = malformed("in: damaged or truncated gzip data (unexpected end of data)",
                Arrays.copyOf(gzip, gzip.length / 2));
        assertEquals(gzip.length / 2, truncated.offset());
        byte[] crc = gzip.clone();
        crc[crc.length - 6] ^= 1;
        assertThrows(MalformedStreamException.class, () -> read(crc));
        byte[] tar = Containers.tar(List.of("a.png"), List.of(png(GRAY)));
        byte[] badSize = tar.clone();
        badSize[124 + 3] = 'x'; // the size field must be octal
        assertThrows(MalformedStreamException.class, () -> read(badSize));
        byte[] trailing = Arrays.copyOf(tar, tar.length + 512);
        trailing[tar.length + 100] = 1;
        malformed("in: data after the end of the tar archive", trailing);
        assertThrows(MalformedStreamException.class, () -> read(Arrays.copyOf(tar, 700)));
        byte[] zip = Containers.zip(List.of("a.png"), List.of(png(GRAY)));
        assertThrows(MalformedStreamException.class, () -> read(Arrays.copyOf(zip, 60)));
    }

    @Test
    void limitsAreCheckedFromHeadersBeforeAnythingIsRead() {
        byte[] billion = new byte[16];
        billion[2] = 8;
        billion[3] = 3;
        Arrays.fill(billion, 4, 8, (byte) 0xFF); // 4,294,967,295 images of 28x28, and no data for them
        billion[11] = 28;
        billion[15] = 28;
        refused(Reason.IMAGES, "in: 4294967295 images exceed the limit of 1048576 images", billion, InputLimits.DEFAULTS);
        InputLimits fewSamples = new InputLimits(1 << 30, 1000, 2 * 784, 1 << 20);
        refused(Reason.SAMPLES, "in: 2352 samples exceed the limit of 1568 samples", Containers.idx(DIGITS), fewSamples);
        InputLimits smallImages = new InputLimits(1 << 30, 1000, 1 << 30, 500);
        refused(Reason.IMAGE_SIZE, "in: IDX images of 28x28 exceed the limit of 500 pixels", Containers.idx(DIGITS), smallImages);
        byte[] pgm = "P5\n600 600\n255\n".getBytes(StandardCharsets.US_ASCII);
        refused(Reason.IMAGE_SIZE, "in: image of 360000 pixels exceeds the limit of 500 pixels", pgm, smallImages);
        byte[] png = png(GRAY);
        png[16] = 0x7F; // IHDR width 0x7F000005
        refused(Reason.IMAGE_SIZE, "in: image of 14914945059 pixels exceeds the limit of 67108864 pixels", png, InputLimits.DEFAULTS);
        byte[] huge = Arrays.copyOf(pnm(GRAY), (1 << 20) + 8 * 500 + 1);
        refused(Reason.IMAGE_SIZE, "in: image file exceeds the limit of 1052576 bytes", huge, smallImages);
        InputLimits twoImages = new InputLimits(1 << 30, 2, 1 << 30, 1 << 20);
        refused(Reason.IMAGES, "in/c.png: 1 images after 2 exceed the limit of 2 images",
                Containers.tar(List.of("a.png", "b.png", "c.png"), List.of(png(GRAY), png(GRAY), png(GRAY))), twoImages);
    }

    @Test
    void expansionIsLimited() {
        byte[] tar = Containers.tar(List.of("a.png"), List.of(png(GRAY)));
        InputLimits limits = new InputLimits(16 << 20, 1000, 1 << 30, 1 << 20);
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> {
            try (ImageSource source = new ImageInputs(limits).open(Containers.bomb(tar, 64), "bomb.tar.gz")) {
                assertEquals(GRAY, source.next()); // the image comes first; the zeros after the archive's end are the bomb
                source.next();
            }
        });
        assertEquals(Reason.EXPANDED_BYTES, e.reason());
        assertEquals("bomb.tar.gz: expands to more than 16777216 bytes, the limit on decompressed input", e.getMessage());
        byte[] big = Arrays.copyOf("P5 5000 4000 255\n".getBytes(StandardCharsets.US_ASCII), 20_000_017);
        byte[] zip = Containers.zip(List.of("a.png", "big.pgm"), List.of(png(GRAY), big));
        refused(Reason.EXPANDED_BYTES, "in/big.pgm: expands to more than 4194304 bytes, the limit on decompressed input", zip,
                new InputLimits(4 << 20, 1000, 1 << 30, 1 << 20));
    }

    /** The gzip of the issue: 2.6 MB that inflate to 2.5 GiB of zeros, refused after its first bytes. */
    @Test
    void gzipOfZerosIsRefusedAtOnce() {
        InputRejectedException e = assertThrows(InputRejectedException.class,
                () -> new ImageInputs(InputLimits.DEFAULTS).open(Containers.bomb(new byte[0], 2560), "zeros.gz").readAll());
        assertEquals(Reason.NO_IMAGES, e.reason());
        assertEquals("zeros.gz: only zero bytes, no images", e.getMessage());
    }

    @Test
    void failuresOfTheUnderlyingStreamPassUnchanged() {
        IOException diskFailure = new IOException("disk on fire");
        byte[] idx = Containers.idx(DIGITS);
        for (byte[] input : List.of(Containers.gzip(idx), Containers.tar(List.of("d.idx"), List.of(idx)),
                Containers.zip(List.of("d.idx"), List.of(idx)), Containers.gzip(Containers.tar(List.of("d.idx"), List.of(idx))))) {
            InputStream failing = new InputStream() {
                private final InputStream bytes = new ByteArrayInputStream(input, 0, input.length * 3 / 4);

                @Override
                public int read() throws IOException {
                    int b = bytes.read();
                    if (b < 0) {
                        throw diskFailure;
                    }
                    return b;
                }
            };
            IOException e = assertThrows(IOException.class, () -> new ImageInputs(InputLimits.DEFAULTS).open(failing, "in").readAll());
            assertSame(diskFailure, e);
        }
    }
}
