package org.glowzip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.stream.GlowzipReader;
import org.glowzip.codec.stream.StreamFormat;
import org.glowzip.codec.stream.TestImages;
import org.glowzip.codec.stream.TestStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glowzip decompress} and {@code info}: a damaged input leaves no output behind, whatever the output is, and is named. */
class DecompressOutputTest {
    private static final List<Image> IMAGES = TestImages.fashionMnist(20);
    /** 20 images in blocks of 5. */
    private static byte[] stream;
    /** {@link #stream} cut in a later block: the first blocks decode. */
    private static byte[] truncated;

    @TempDir
    Path dir;

    @BeforeAll
    static void streams() throws IOException {
        ImageCodec codec = new ImageCodec(ImageCodec.bundled().model(), CodingParameters.DEFAULT, 5 * 28 * 28);
        stream = TestStreams.of(codec, IMAGES.toArray(Image[]::new));
        truncated = Arrays.copyOf(stream, stream.length * 3 / 4);
        List<Image> decodedBeforeTheCut = new ArrayList<>();
        try (GlowzipReader reader = codec.reader(new ByteArrayInputStream(truncated))) {
            assertThrows(MalformedStreamException.class, () -> {
                for (Image image = reader.read(); image != null; image = reader.read()) {
                    decodedBeforeTheCut.add(image);
                }
            });
        }
        assertTrue(decodedBeforeTheCut.size() >= 5, "the cut must come after the first block: " + decodedBeforeTheCut.size());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void aTruncatedInputLeavesNothingBehind() throws IOException {
        Path input = write("cut.glz", truncated);
        byte[] single = ImageCodec.bundled().encode(IMAGES.get(0));
        Path cutSingle = write("cut-single.glz", Arrays.copyOf(single, single.length - 1));
        Files.createDirectory(dir.resolve("existing"));
        write("existing/keep.txt", "mine".getBytes(StandardCharsets.US_ASCII));
        List<String> before = Cli.listing(dir);
        for (String output : List.of("out", "new/sub/dir", "existing", "out.tar", "one.png")) {
            Path damaged = output.equals("one.png") ? cutSingle : input;
            Cli.Run run = Cli.run("decompress", "-q", damaged.toString(), "-o", dir.resolve(output).toString());
            assertEquals(3, run.exit(), run::toString);
            assertTrue(run.err().startsWith("glowzip: malformed input at byte ") && run.err().contains(": " + damaged + ": "), run::toString);
            assertEquals(before, Cli.listing(dir), output);
        }
    }

    /** A decoded image whose metadata its PNG writer cannot use came from a damaged input: exit 3, named, and nothing left behind. */
    @Test
    void anImageItsWriterCannotUseIsCorruptInput() throws IOException {
        Image crafted = IMAGES.get(1).withMetadata(new byte[] {'P', 0, 7, 0}); // gray of 7 bits: no PNG has that bit depth
        Path stream = write("crafted.glz", TestStreams.of(ImageCodec.bundled(), IMAGES.get(0), crafted));
        Path single = write("crafted-single.glz", ImageCodec.bundled().encode(crafted));
        List<String> before = Cli.listing(dir);
        for (String output : List.of("out", "out.tar", "one.png")) {
            Path input = output.equals("one.png") ? single : stream;
            Cli.Run run = Cli.run("decompress", "-q", input.toString(), "-o", dir.resolve(output).toString());
            assertEquals(3, run.exit(), run::toString);
            assertEquals("glowzip: " + input + ": image " + (input == single ? 0 : 1)
                    + " cannot be written as PNG: PNG metadata: colour type 0 with bit depth 7 is not a PNG layout\n", run.err());
            assertEquals(before, Cli.listing(dir), output);
        }
    }

    @Test
    void aStreamOfManyImagesIntoOneImageFileWritesNothing() throws IOException {
        Path input = write("s.glz", stream);
        Cli.Run run = Cli.run("decompress", "-q", input.toString(), "-o", dir.resolve("x.png").toString());
        assertEquals(1, run.exit(), run::toString);
        assertEquals("glowzip: " + input + " holds more than one image; give a directory or a .tar\n", run.err());
        assertEquals(List.of("s.glz"), Cli.listing(dir));
    }

    @Test
    void aCompleteStreamGoesToADirectoryATarOrStandardOutput() throws IOException, MalformedStreamException {
        Path input = write("s.glz", stream);
        Files.createDirectory(dir.resolve("existing"));
        write("existing/keep.txt", "mine".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0, Cli.run("decompress", "-q", input.toString(), "-o", dir.resolve("existing").toString()).exit());
        List<String> files = Cli.listing(dir.resolve("existing"));
        assertEquals(21, files.size());
        assertEquals(List.of("000000.png", "000019.png", "keep.txt"), List.of(files.get(0), files.get(19), files.get(20)));
        assertEquals(IMAGES.get(19), ImageFormat.read(Files.readAllBytes(dir.resolve("existing/000019.png"))));

        assertEquals(0, Cli.run("decompress", "-q", input.toString(), "-o", dir.resolve("out.tar").toString()).exit());
        assertEquals(IMAGES, untar(Files.readAllBytes(dir.resolve("out.tar"))));
        Cli.Run stdout = Cli.run("decompress", "-q", input.toString(), "-o", "-");
        assertEquals(0, stdout.exit());
        assertEquals(IMAGES, untar(stdout.stdout()));
        assertEquals(List.of("existing", "out.tar", "s.glz"), Cli.listing(dir).stream().filter(name -> !name.contains("/")).toList());
    }

    private static List<Image> untar(byte[] tar) throws IOException, MalformedStreamException {
        List<Image> images = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            while (in.getNextEntry() != null) {
                images.add(ImageFormat.read(in.readAllBytes()));
            }
        }
        return images;
    }

    @Test
    void inputsThatAreMissingOrDirectoriesAreNamed() throws IOException {
        Path missing = dir.resolve("nope.glz");
        Path directory = Files.createDirectory(dir.resolve("d"));
        for (String command : List.of("decompress", "info")) {
            List<String> output = command.equals("info") ? List.of() : List.of("-o", dir.resolve("out").toString());
            Cli.Run run = Cli.run(concat(List.of(command, "-q", missing.toString()), output));
            assertEquals(1, run.exit(), run::toString);
            assertEquals("glowzip: no such file: " + missing + "\n", run.err());
            run = Cli.run(concat(List.of(command, "-q", directory.toString()), output));
            assertEquals(1, run.exit(), run::toString);
            assertEquals("glowzip: " + directory + " is a directory\n", run.err());
        }
        assertEquals(List.of("d"), Cli.listing(dir));
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    /** {@code info} checks every checksum and the end block before it reports anything. */
    @Test
    void infoValidatesWhatItReports() throws IOException {
        Cli.Run valid = Cli.run("info", write("s.glz", stream).toString());
        assertEquals(0, valid.exit(), valid::toString);
        assertTrue(valid.out().contains("images           20\n") && valid.out().contains("coded blocks     4\n")
                && valid.out().contains("raw blocks       0\n"), valid::toString);

        byte[] flipped = stream.clone();
        flipped[stream.length / 2] ^= 1;
        byte[] trailing = Arrays.copyOf(stream, stream.length + 1);
        byte[] single = ImageCodec.bundled().encode(IMAGES.get(0));
        byte[] singleFlipped = single.clone();
        singleFlipped[single.length / 2] ^= 1;
        for (byte[] damaged : List.of(flipped, truncated, trailing, singleFlipped)) {
            Path input = write("damaged.glz", damaged);
            Cli.Run run = Cli.run("info", input.toString());
            assertEquals(3, run.exit(), run::toString);
            assertEquals("", run.out());
            assertTrue(run.err().startsWith("glowzip: malformed input at byte ") && run.err().contains(": " + input + ": "), run::toString);
        }
        Cli.Run run = Cli.run("info", write("damaged.glz", trailing).toString());
        assertTrue(run.err().endsWith(": data after the end block\n"), run::toString);
    }

    /** {@code info --modes} decodes and counts every tile by its coding: 20 one-tile images in the stream, 1 in a single image. */
    @Test
    void infoCountsTheTilesOfEachCoding() throws IOException {
        Cli.Run run = Cli.run("info", "--modes", "--format", "json", write("s.glz", stream).toString());
        assertEquals(0, run.exit(), run::toString);
        String modes = run.out().substring(run.out().indexOf("\"modes\":{"));
        long total = 0;
        for (String key : List.of("raw", "context", "glow-pop-free", "glow-bits-back")) {
            int at = modes.indexOf("\"" + key + "\":") + key.length() + 3;
            int end = at;
            while (Character.isDigit(modes.charAt(end))) {
                end++;
            }
            total += Long.parseLong(modes.substring(at, end));
        }
        assertEquals(20, total, run::toString);
        assertTrue(run.out().startsWith("{\"form\":\"stream\",\"version\":" + StreamFormat.VERSION + ","), run::toString);
        assertTrue(run.out().contains("\"models\":{\"fashion-mnist\":20},"), run::toString);
        Cli.Run single = Cli.run("info", "--modes", write("i.glz", ImageCodec.bundled().encode(IMAGES.get(0))).toString());
        assertTrue(single.out().contains("tiles by coding\n"), single::toString);
        assertTrue(single.out().matches("(?s).*\n  (context|glow-bits-back|raw|glow-pop-free) +1\n.*"), single::toString);
    }
}
