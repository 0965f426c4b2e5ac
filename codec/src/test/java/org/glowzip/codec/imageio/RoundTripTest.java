package org.glowzip.codec.imageio;

import static org.glowzip.codec.imageio.BufferedImages.assertSameImage;
import static org.glowzip.codec.imageio.BufferedImages.randomized;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.SampleFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ImageIO.read} of what {@code ImageIO.write(image, "glowzip", file)} wrote is the image: its type, colour model and samples. */
class RoundTripTest {
    private static final int WIDTH = 11;
    private static final int HEIGHT = 7;

    @TempDir
    Path directory;

    static Stream<Arguments> images() {
        return Stream.of(
                standard(BufferedImage.TYPE_INT_RGB, "TYPE_INT_RGB"),
                standard(BufferedImage.TYPE_INT_ARGB, "TYPE_INT_ARGB"),
                standard(BufferedImage.TYPE_INT_ARGB_PRE, "TYPE_INT_ARGB_PRE"),
                standard(BufferedImage.TYPE_INT_BGR, "TYPE_INT_BGR"),
                standard(BufferedImage.TYPE_3BYTE_BGR, "TYPE_3BYTE_BGR"),
                standard(BufferedImage.TYPE_4BYTE_ABGR, "TYPE_4BYTE_ABGR"),
                standard(BufferedImage.TYPE_4BYTE_ABGR_PRE, "TYPE_4BYTE_ABGR_PRE"),
                standard(BufferedImage.TYPE_USHORT_565_RGB, "TYPE_USHORT_565_RGB"),
                standard(BufferedImage.TYPE_USHORT_555_RGB, "TYPE_USHORT_555_RGB"),
                standard(BufferedImage.TYPE_BYTE_GRAY, "TYPE_BYTE_GRAY"),
                standard(BufferedImage.TYPE_USHORT_GRAY, "TYPE_USHORT_GRAY"),
                standard(BufferedImage.TYPE_BYTE_BINARY, "TYPE_BYTE_BINARY, its black and white palette"),
                standard(BufferedImage.TYPE_BYTE_INDEXED, "TYPE_BYTE_INDEXED, its default palette"),
                Arguments.of(new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_BINARY, palette(2, 4, false)), "TYPE_BYTE_BINARY, 2 bits"),
                Arguments.of(new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_BINARY, palette(4, 13, true)),
                        "TYPE_BYTE_BINARY, 4 bits, 13 colours with alpha"),
                Arguments.of(new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_INDEXED, palette(8, 200, true)),
                        "TYPE_BYTE_INDEXED, 200 colours with alpha"),
                custom(new SampleFormat(2, 8)), custom(new SampleFormat(2, 16)), custom(new SampleFormat(3, 8)),
                custom(new SampleFormat(3, 16)), custom(new SampleFormat(4, 8)), custom(new SampleFormat(4, 16)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("images")
    void readReturnsWhatWasWritten(BufferedImage image, String type) throws IOException {
        BufferedImage input = randomized(image, type.hashCode());
        File file = directory.resolve("image.glz").toFile();
        assertTrue(ImageIO.write(input, "glowzip", file));
        assertSameImage(input, ImageIO.read(file));
    }

    private static Arguments standard(int type, String name) {
        return Arguments.of(new BufferedImage(WIDTH, HEIGHT, type), name);
    }

    /** The custom (component colour model) image of {@code format}, as {@link Image#toBufferedImage} makes it. */
    private static Arguments custom(SampleFormat format) {
        return Arguments.of(Image.of(WIDTH, HEIGHT, format, new byte[WIDTH * HEIGHT * format.planes()]).toBufferedImage(), "TYPE_CUSTOM " + format);
    }

    /** A palette of {@code size} distinct colours of {@code bits} bits per index. */
    static IndexColorModel palette(int bits, int size, boolean alpha) {
        byte[][] rgba = new byte[4][size];
        for (int i = 0; i < size; i++) {
            rgba[0][i] = (byte) (i * 37);
            rgba[1][i] = (byte) (i * 11 + 5);
            rgba[2][i] = (byte) (255 - i);
            rgba[3][i] = (byte) (alpha ? i * 19 : 255);
        }
        return alpha ? new IndexColorModel(bits, size, rgba[0], rgba[1], rgba[2], rgba[3]) : new IndexColorModel(bits, size, rgba[0], rgba[1], rgba[2]);
    }
}
