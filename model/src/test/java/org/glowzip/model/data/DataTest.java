package org.glowzip.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataTest {
    private static Path sampleDirectory() throws Exception {
        return Path.of(DataTest.class.getResource("/fashion-mnist-sample").toURI());
    }

    @Test
    void readsTheGzipIdxSample() throws Exception {
        ImageSet set = IdxFiles.readSplit(sampleDirectory(), true);
        assertEquals(64, set.size());
        assertEquals(28, set.height());
        assertEquals(28, set.width());
        assertEquals(1, set.channels());
        assertEquals(9, set.label(0), "the first Fashion-MNIST test image is an ankle boot");
        assertTrue(Arrays.stream(set.image(0)).max().getAsInt() > 200);
    }

    @Test
    void idxWriteReadRoundTripsAndRejectsForeignFiles(@TempDir Path directory) throws Exception {
        ImageSet set = IdxFiles.readSplit(sampleDirectory(), true).head(5);
        Path images = directory.resolve("i.gz");
        Path labels = directory.resolve("l.gz");
        IdxFiles.write(set, images, labels);
        ImageSet back = IdxFiles.read(images, labels);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(set.image(i), back.image(i));
            assertEquals(set.label(i), back.label(i));
        }
        IOException e = assertThrows(IOException.class, () -> IdxFiles.read(labels, null));
        assertEquals(labels + ": IDX of type 0x08 with 1 dimensions; images are unsigned bytes in 3 dimensions (magic 00 00 08 03)",
                e.getMessage());
    }

    @Test
    void readsFoldersOfPngAndPgm(@TempDir Path directory) throws Exception {
        ImageSet set = IdxFiles.readSplit(sampleDirectory(), true).head(4);
        for (int i = 0; i < 4; i++) {
            int[] pixels = set.image(i);
            if (i % 2 == 0) {
                BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
                image.getRaster().setPixels(0, 0, 28, 28, pixels);
                ImageIO.write(image, "png", directory.resolve("img" + i + ".png").toFile());
            } else {
                byte[] header = "P5\n# sample\n28 28\n255\n".getBytes(StandardCharsets.US_ASCII);
                byte[] bytes = Arrays.copyOf(header, header.length + pixels.length);
                for (int j = 0; j < pixels.length; j++) {
                    bytes[header.length + j] = (byte) pixels[j];
                }
                Files.write(directory.resolve("img" + i + ".pgm"), bytes);
            }
        }
        ImageSet folder = ImageSet.read(directory, 1);
        ImageSet rgb = ImageSet.read(directory, 3);
        assertEquals(4, folder.size());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(set.image(i), folder.image(i), "image " + i);
            int[] gray = set.image(i);
            int[] threeTimes = new int[3 * gray.length];
            for (int c = 0; c < 3; c++) {
                System.arraycopy(gray, 0, threeTimes, c * gray.length, gray.length);
            }
            assertArrayEquals(threeTimes, rgb.image(i), "gray image " + i + " as RGB");
        }
        Files.writeString(directory.resolve("notes.txt"), "not an image");
        IOException e = assertThrows(IOException.class, () -> ImageSet.read(directory, 1));
        assertEquals(directory.resolve("notes.txt") + ": not a PNG, PGM (P5), PPM (P6), IDX, tar, zip or gzip file", e.getMessage());
    }

    @Test
    void shuffledOrderIsAFixedPermutation() throws Exception {
        ImageSet set = IdxFiles.readSplit(sampleDirectory(), true);
        int[] order = set.shuffledOrder(5);
        assertArrayEquals(order, set.shuffledOrder(5));
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        assertArrayEquals(set.order(), sorted);
    }
}
