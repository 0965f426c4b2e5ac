package org.glowzip.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code glowzip compress} then {@code decompress} gives back every PNG type ImageIO writes with
 * the same colour type, bit depth and samples, alpha and palette included. ImageIO, not glowzip's
 * own PNG code, writes the inputs and reads both files back, so it is the independent judge.
 */
class PngTypesRoundTripTest {
    @TempDir
    Path dir;

    static Stream<Arguments> images() {
        return Stream.of(
                Arguments.of("gray 8", standard(BufferedImage.TYPE_BYTE_GRAY)),
                Arguments.of("gray 16", standard(BufferedImage.TYPE_USHORT_GRAY)),
                Arguments.of("gray 1", standard(BufferedImage.TYPE_BYTE_BINARY)),
                Arguments.of("RGB 8", standard(BufferedImage.TYPE_3BYTE_BGR)),
                Arguments.of("RGBA 8", standard(BufferedImage.TYPE_4BYTE_ABGR)),
                Arguments.of("palette 8 with alpha (tRNS)", palette(true)),
                Arguments.of("palette 8", palette(false)),
                Arguments.of("gray + alpha 8", component(ColorSpace.CS_GRAY, true, DataBuffer.TYPE_BYTE)),
                Arguments.of("gray + alpha 16", component(ColorSpace.CS_GRAY, true, DataBuffer.TYPE_USHORT)),
                Arguments.of("RGB 16", component(ColorSpace.CS_sRGB, false, DataBuffer.TYPE_USHORT)),
                Arguments.of("RGBA 16", component(ColorSpace.CS_sRGB, true, DataBuffer.TYPE_USHORT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void comesBackAsItWent(String name, BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Path input = Files.write(dir.resolve("in.png"), png.toByteArray());
        Path compressed = dir.resolve("in.glz");
        Path output = dir.resolve("out.png");
        assertEquals(0, Cli.run("compress", input.toString(), "-o", compressed.toString()).exit());
        assertEquals(0, Cli.run("decompress", compressed.toString(), "-o", output.toString()).exit());

        byte[] before = png.toByteArray();
        byte[] after = Files.readAllBytes(output);
        assertArrayEquals(Arrays.copyOfRange(before, 24, 26), Arrays.copyOfRange(after, 24, 26), "bit depth and colour type in IHDR");
        BufferedImage in = ImageIO.read(new ByteArrayInputStream(before));
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(after));
        assertArrayEquals(samples(in.getRaster()), samples(out.getRaster()), "samples, band by band");
        if (in.getColorModel() instanceof IndexColorModel palette) {
            IndexColorModel kept = (IndexColorModel) out.getColorModel();
            int[] colours = new int[palette.getMapSize()];
            int[] keptColours = new int[kept.getMapSize()];
            palette.getRGBs(colours);
            kept.getRGBs(keptColours);
            assertArrayEquals(colours, keptColours, "palette and its transparency");
        }
    }

    private static int[] samples(Raster raster) {
        return raster.getPixels(0, 0, raster.getWidth(), raster.getHeight(), (int[]) null);
    }

    private static BufferedImage standard(int type) {
        BufferedImage image = new BufferedImage(13, 7, type);
        fill(image.getRaster());
        return image;
    }

    private static BufferedImage palette(boolean alpha) {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        byte[] a = new byte[256];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 256; i++) {
            r[i] = (byte) random.nextInt(256);
            g[i] = (byte) random.nextInt(256);
            b[i] = (byte) random.nextInt(256);
            a[i] = (byte) (i % 3 == 0 ? 0 : 255);
        }
        IndexColorModel model = alpha ? new IndexColorModel(8, 256, r, g, b, a) : new IndexColorModel(8, 256, r, g, b);
        BufferedImage image = new BufferedImage(13, 7, BufferedImage.TYPE_BYTE_INDEXED, model);
        fill(image.getRaster());
        return image;
    }

    private static BufferedImage component(int space, boolean alpha, int dataType) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(space), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType);
        BufferedImage image = new BufferedImage(model, model.createCompatibleWritableRaster(13, 7), false, null);
        fill(image.getRaster());
        return image;
    }

    /** Every band of every pixel a random value of its sample size, with 0 and the largest value among them. */
    private static void fill(WritableRaster raster) {
        SplittableRandom random = new SplittableRandom(raster.getNumBands() * 31L + raster.getSampleModel().getSampleSize(0));
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < raster.getWidth(); x++) {
                for (int band = 0; band < raster.getNumBands(); band++) {
                    int max = (1 << raster.getSampleModel().getSampleSize(band)) - 1;
                    raster.setSample(x, y, band, x == 0 ? 0 : x == 1 ? max : random.nextInt(max + 1));
                }
            }
        }
    }
}
