package org.glowzip.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.input.Containers;
import org.glowzip.codec.stream.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glowzip compress}: what it reads, what it refuses and how it says so, and that a refusal leaves no output. */
class CompressInputsTest {
    private static final List<Image> DIGITS = TestImages.fashionMnist(4);

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    private Path write(String name, InputStream bytes) throws IOException {
        Path file = dir.resolve(name);
        try (bytes) {
            Files.copy(bytes, file);
        }
        return file;
    }

    private static void assertFails(Cli.Run run, int exit, String message) {
        assertEquals(exit, run.exit(), run::toString);
        assertEquals("glowzip: " + message + "\n", run.err(), run::toString);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.png");
        assertFails(Cli.run("compress", "-q", missing.toString(), "-o", dir.resolve("x.glz").toString()), 1, "no such file: " + missing);
        assertEquals(List.of(), Cli.listing(dir));
    }

    @Test
    void inputsWithoutImagesAreRefused() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path out = dir.resolve("x.glz");
        assertFails(Cli.run("compress", "-q", empty.toString(), "-o", out.toString()), 3, empty + ": a directory without files");
        Path zeros = write("zeros.gz", Containers.bomb(new byte[0], 2560)); // 2.7 MB that inflate to 2.5 GiB of zeros
        assertFails(Cli.run("compress", "-q", zeros.toString(), "-o", out.toString()), 3, zeros + ": only zero bytes, no images");
        Path emptyZip = write("empty.zip", Containers.zip(List.of(), List.of()));
        assertFails(Cli.run("compress", "-q", emptyZip.toString(), "-o", out.toString()), 3, emptyZip + ": an empty zip archive");
        Path text = write("notes.txt", "hello".getBytes(StandardCharsets.US_ASCII));
        assertFails(Cli.run("compress", "-q", text.toString(), "-o", out.toString()), 3,
                text + ": not a PNG, PGM (P5), PPM (P6), IDX, tar, zip or gzip file");
        assertEquals(List.of("empty", "empty.zip", "notes.txt", "zeros.gz"), Cli.listing(dir));
    }

    @Test
    void aGzipBombStopsAtTheExpansionLimit() throws IOException {
        byte[] tar = Containers.tar(List.of("a.png"), List.of(ImageFormat.PNG.write(DIGITS.get(0))));
        Path bomb = write("bomb.tar.gz", Containers.bomb(tar, 64)); // an image, then 64 MiB of zeros after the archive's end
        assertFails(Cli.run("compress", "-q", "--max-expanded-bytes", "16M", bomb.toString(), "-o", dir.resolve("x.glz").toString()), 3,
                bomb + ": expands to more than 16777216 bytes, the limit on decompressed input (--max-expanded-bytes raises it)");
        Path idx = write("digits.idx", Containers.idx(DIGITS));
        assertFails(Cli.run("compress", "-q", "--max-images", "3", idx.toString(), "-o", dir.resolve("x.glz").toString()), 3,
                idx + ": 4 images exceed the limit of 3 images (--max-images raises it)");
        assertEquals(List.of("bomb.tar.gz", "digits.idx"), Cli.listing(dir));
    }

    @Test
    void aRefusalHalfwayLeavesTheOldOutputAsItWas() throws IOException {
        Path out = write("x.glz", "old".getBytes(StandardCharsets.US_ASCII));
        Path tar = write("in.tar", Containers.tar(List.of("a.png", "b.png", "notes.txt"), List.of(ImageFormat.PNG.write(DIGITS.get(0)),
                ImageFormat.PNG.write(DIGITS.get(1)), "hi".getBytes(StandardCharsets.US_ASCII))));
        assertFails(Cli.run("compress", "-q", tar.toString(), "-o", out.toString()), 3,
                tar + "/notes.txt: not a PNG, PGM (P5), PPM (P6), IDX, tar, zip or gzip file");
        assertEquals("old", Files.readString(out));
        assertEquals(List.of("in.tar", "x.glz"), Cli.listing(dir));
        assertFails(Cli.run("compress", "-q", tar.toString(), "-o", dir.resolve("no/such/dir/x.glz").toString()), 1,
                "no such directory: " + dir.resolve("no/such/dir"));
    }

    @Test
    void everyKindOfInputRoundTrips() throws IOException, MalformedStreamException {
        write("in/a.pgm", ImageFormat.PNM.write(DIGITS.get(0)));
        write("in/b.tar.gz", Containers.gzip(Containers.tar(List.of("x.png"), List.of(ImageFormat.PNG.write(DIGITS.get(1))))));
        write("in/c/d.zip", Containers.zip(List.of("y.idx"), List.of(Containers.idx(DIGITS.subList(2, 4)))));
        Path stream = dir.resolve("s.glz");
        Cli.Run compressed = Cli.run("compress", "-q", dir.resolve("in").toString(), "-o", stream.toString());
        assertEquals(0, compressed.exit(), compressed::toString);
        Cli.Run decompressed = Cli.run("decompress", "-q", stream.toString(), "-o", dir.resolve("out").toString());
        assertEquals(0, decompressed.exit(), decompressed::toString);
        List<Image> back = new ArrayList<>();
        for (String name : Cli.listing(dir.resolve("out"))) {
            back.add(ImageFormat.read(Files.readAllBytes(dir.resolve("out").resolve(name))));
        }
        assertEquals(DIGITS, back);

        Path single = dir.resolve("one.glz");
        Path png = write("one.png", ImageFormat.PNG.write(DIGITS.get(3)));
        assertEquals(0, Cli.run("compress", "-q", png.toString(), "-o", single.toString()).exit());
        assertEquals(0, Cli.run("decompress", "-q", single.toString(), "-o", dir.resolve("back.pgm").toString()).exit());
        assertArrayEquals(ImageFormat.PNM.write(DIGITS.get(3)), Files.readAllBytes(dir.resolve("back.pgm")));
    }
}
