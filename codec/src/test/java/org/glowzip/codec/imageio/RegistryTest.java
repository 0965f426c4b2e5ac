package org.glowzip.codec.imageio;

import static org.glowzip.codec.imageio.BufferedImages.assertSameImage;
import static org.glowzip.codec.imageio.BufferedImages.randomized;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.glowzip.codec.stream.GlowzipWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin is found through the service registry on the codec module's classpath: by name, suffix, MIME type and magic. */
class RegistryTest {
    @TempDir
    Path directory;

    @Test
    void foundByFormatNameSuffixAndMimeType() {
        assertInstanceOf(GlowzipImageReader.class, ImageIO.getImageReadersByFormatName("glowzip").next());
        assertInstanceOf(GlowzipImageReader.class, ImageIO.getImageReadersBySuffix("glz").next());
        assertInstanceOf(GlowzipImageReader.class, ImageIO.getImageReadersByMIMEType("image/x-glowzip").next());
        assertInstanceOf(GlowzipImageWriter.class, ImageIO.getImageWritersByFormatName("glowzip").next());
        assertInstanceOf(GlowzipImageWriter.class, ImageIO.getImageWritersBySuffix("glz").next());
        assertInstanceOf(GlowzipImageWriter.class, ImageIO.getImageWritersByMIMEType("image/x-glowzip").next());
        assertTrue(List.of(ImageIO.getReaderFormatNames()).contains("glowzip"));
    }

    @Test
    void aSingleImageIsReadWithoutNamingTheFormat() throws IOException {
        BufferedImage image = randomized(new BufferedImage(6, 5, BufferedImage.TYPE_INT_ARGB), 3);
        File file = directory.resolve("picture.dat").toFile();
        ImageIO.write(image, "glowzip", file);
        assertArrayEquals(new byte[] {(byte) 0x89, 'G', 'i'}, Arrays.copyOf(Files.readAllBytes(file.toPath()), 3));
        assertSameImage(image, ImageIO.read(file));
    }

    @Test
    void aStreamIsRecognisedByItsMagicAndReadsItsFirstImage() throws IOException {
        List<BufferedImage> images = List.of(randomized(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), 1),
                randomized(new BufferedImage(3, 2, BufferedImage.TYPE_3BYTE_BGR), 2));
        byte[] stream = SequenceTest.sequence(images, GlowzipWriter.DEFAULT_BLOCK_SAMPLES, null);
        assertArrayEquals("\u0089GLOWZ\r\n".getBytes(StandardCharsets.ISO_8859_1), Arrays.copyOf(stream, 8));
        Path file = directory.resolve("many.bin");
        Files.write(file, stream);
        assertSameImage(images.get(0), ImageIO.read(file.toFile()));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(stream))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(2, reader.getNumImages(true));
            assertSameImage(images.get(1), reader.read(1));
        }
    }
}
