package org.glowzip.model.experiments;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.glowzip.model.flow.Dequantization;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Lays out flow-space images ({@code [N, C, H, W]} in [-0.5, 0.5), C = 1 or 3) as PNG grids:
 * one row per array, a 2-pixel white gap between cells and {@code blockGap} extra gap pixels
 * between blocks of columns. Non-finite values are drawn red, so that a diverged inverse is not
 * mistaken for a black image.
 */
public final class ImageGrid {
    private static final int GAP = 2;
    /** Colour of pixels whose decoded value is NaN or infinite (the inverse flow diverged there). */
    private static final int NON_FINITE = 0xFF0000;

    private ImageGrid() {
    }

    /** Writes {@code rows} (each {@code [columns, C, H, W]}) as one PNG. */
    public static void write(List<INDArray> rows, Path png) throws IOException {
        write(rows, 0, 0, png);
    }

    /**
     * Writes {@code rows}; after every {@code blockWidth} columns (0: never) a gap of
     * {@code blockGap} pixels separates blocks, e.g. two temperatures side by side.
     */
    public static void write(List<INDArray> rows, int blockWidth, int blockGap, Path png) throws IOException {
        INDArray first = rows.get(0);
        int channels = (int) first.size(1);
        int height = (int) first.size(2);
        int width = (int) first.size(3);
        int columns = 0;
        for (INDArray row : rows) {
            columns = Math.max(columns, (int) row.size(0));
        }
        int blocks = blockWidth > 0 ? (columns - 1) / blockWidth : 0;
        int imageWidth = GAP + columns * (width + GAP) + blocks * blockGap;
        int imageHeight = GAP + rows.size() * (height + GAP);
        BufferedImage image = new BufferedImage(imageWidth, imageHeight, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < imageHeight; y++) {
            for (int x = 0; x < imageWidth; x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            INDArray raw = rows.get(r);
            INDArray pixels = Dequantization.quantize(raw);
            for (int c = 0; c < pixels.size(0); c++) {
                int left = GAP + c * (width + GAP) + (blockWidth > 0 ? (c / blockWidth) * blockGap : 0);
                int top = GAP + r * (height + GAP);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        if (!Double.isFinite(raw.getDouble(c, 0, y, x))) {
                            image.setRGB(left + x, top + y, NON_FINITE);
                            continue;
                        }
                        int red = pixels.getInt(c, 0, y, x);
                        int green = channels == 3 ? pixels.getInt(c, 1, y, x) : red;
                        int blue = channels == 3 ? pixels.getInt(c, 2, y, x) : red;
                        image.setRGB(left + x, top + y, (red << 16) | (green << 8) | blue);
                    }
                }
            }
        }
        ImageIO.write(image, "png", png.toFile());
    }
}
