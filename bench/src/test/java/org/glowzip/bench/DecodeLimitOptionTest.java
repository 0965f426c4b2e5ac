package org.glowzip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.stream.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code decompress --max-decode-samples}: an image over the limit is refused with the option named, and decodes when it is raised. */
class DecodeLimitOptionTest {
    @TempDir
    Path dir;

    @Test
    void theLimitRefusesAndTheOptionRaisesIt() throws Exception {
        Image image = TestImages.image(40, 30, 1, "gradient", 1);
        Path png = Files.write(dir.resolve("in.png"), ImageFormat.PNG.write(image));
        Path glz = dir.resolve("in.glz");
        assertEquals(0, Cli.run("compress", png.toString(), "-o", glz.toString()).exit());

        Cli.Run refused = Cli.run("decompress", glz.toString(), "--max-decode-samples", "1000", "-o", dir.resolve("small.png").toString());
        assertEquals(3, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("1200 samples asked for, this decoder produces at most 1000 at once (--max-decode-samples raises it)"),
                refused.err());
        assertTrue(Files.notExists(dir.resolve("small.png")));

        Path out = dir.resolve("out.png");
        assertEquals(0, Cli.run("decompress", glz.toString(), "-o", out.toString()).exit());
        assertEquals(image, ImageFormat.read(Files.readAllBytes(out)));
    }
}
