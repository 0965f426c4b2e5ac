package org.glowzip.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Patches are crops of the images big enough for them, fixed by the seed. */
class PatchesTest {
    @Test
    void patchesAreCropsOfTheLargeEnoughImages(@TempDir Path folder) throws IOException {
        int[] big = new int[40 * 30 * 3];
        for (int i = 0; i < big.length; i++) {
            big[i] = (i * 7 + i / 3) % 256;
        }
        Image photo = Image.of(40, 30, 3, toBytes(big));
        Files.write(folder.resolve("big.png"), ImageFormat.PNG.write(photo));
        Files.write(folder.resolve("small.png"), ImageFormat.PNG.write(Image.of(4, 4, 1, new byte[16])));
        ImageSet patches = Patches.random(folder, 3, 8, 50, 7);
        assertEquals(50, patches.size());
        assertEquals(8, patches.height());
        assertArrayEquals(patches.samples(49), Patches.random(folder, 3, 8, 50, 7).samples(49), "fixed by the seed");
        for (int i = 0; i < patches.size(); i++) {
            assertTrue(isCropOf(patches.samples(i), photo), "patch " + i + " is a crop of the big image");
        }
        ImageSet gray = Patches.random(folder, 1, 8, 3, 1);
        assertEquals(1, gray.channels(), "the first channel of an RGB image");
        assertThrows(IOException.class, () -> Patches.random(folder, 1, 41, 3, 1));
    }

    private static boolean isCropOf(byte[] patch, Image image) {
        for (int top = 0; top + 8 <= image.height(); top++) {
            for (int left = 0; left + 8 <= image.width(); left++) {
                boolean same = true;
                for (int c = 0; c < 3 && same; c++) {
                    for (int y = 0; y < 8 && same; y++) {
                        for (int x = 0; x < 8 && same; x++) {
                            same = (patch[(c * 8 + y) * 8 + x] & 0xFF) == image.sample(top + y, left + x, c);
                        }
                    }
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] toBytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
