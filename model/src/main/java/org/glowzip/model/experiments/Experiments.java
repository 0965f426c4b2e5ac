package org.glowzip.model.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.flow.Glow;
import org.glowzip.model.flow.Inversion;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The qualitative experiments of the Glow paper on a trained flow: samples at a temperature,
 * interpolation between real images through their latents at every level, and manipulation along
 * a label direction. Real images enter the flow at the centres of their quantization bins
 * ({@code (p + 0.5) / 256 - 0.5}), so encoding is deterministic. Images are decoded with the
 * clamped inverse ({@link Inversion#CLAMPED}), so they are always finite; each experiment returns
 * how many pixels the exact inverse would have left non-finite.
 */
public final class Experiments {
    private Experiments() {
    }

    /**
     * A grid of {@code rows x columns} samples per temperature, the temperatures side by side
     * (same noise in every block, so blocks differ only in temperature). Returns, per temperature,
     * the pixels that the exact inverse left non-finite.
     */
    public static long[] sampleGrid(Glow glow, double[] temperatures, int rows, int columns, long seed, Path png)
            throws IOException {
        List<INDArray> blocks = new ArrayList<>();
        long[] nonFinitePixels = new long[temperatures.length];
        for (int i = 0; i < temperatures.length; i++) {
            double temperature = temperatures[i];
            List<INDArray> eps = glow.noise(rows * columns, seed);
            ClampedDecoder decoder = new ClampedDecoder();
            blocks.add(decoder.decode(inversion -> glow.sample(eps, temperature, inversion)));
            nonFinitePixels[i] = decoder.nonFinitePixels();
        }
        List<INDArray> gridRows = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<INDArray> cells = new ArrayList<>();
            for (INDArray block : blocks) {
                cells.add(block.get(NDArrayIndex.interval(r * columns, (r + 1) * columns)));
            }
            gridRows.add(Nd4j.concat(0, cells.toArray(new INDArray[0])));
        }
        ImageGrid.write(gridRows, columns, 8, png);
        return nonFinitePixels;
    }

    /**
     * One row per pair {@code (a[i], b[i])} of image indices: {@code steps} images decoded from
     * {@code (1 - t) z_a + t z_b} at every level, {@code t} from 0 to 1. Returns the pixels that
     * the exact inverse left non-finite.
     */
    public static long interpolationStrip(Glow glow, ImageSet images, int[] a, int[] b, int steps, Path png)
            throws IOException {
        ClampedDecoder decoder = new ClampedDecoder();
        List<INDArray> rows = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            List<INDArray> za = glow.forward(binCentres(glow, images, a[i])).latents();
            List<INDArray> zb = glow.forward(binCentres(glow, images, b[i])).latents();
            List<INDArray> row = new ArrayList<>();
            for (int s = 0; s < steps; s++) {
                double t = steps == 1 ? 0 : (double) s / (steps - 1);
                List<INDArray> mixed = new ArrayList<>();
                for (int level = 0; level < za.size(); level++) {
                    mixed.add(za.get(level).mul(1 - t).addi(zb.get(level).mul(t)));
                }
                row.add(decoder.decode(inversion -> glow.reverse(mixed, inversion)));
            }
            rows.add(Nd4j.concat(0, row.toArray(new INDArray[0])));
        }
        ImageGrid.write(rows, png);
        return decoder.nonFinitePixels();
    }

    /**
     * The direction of a label at every level: mean latent of the images with {@code label} minus
     * the mean latent of the others (over the first {@code limit} images).
     */
    public static List<INDArray> labelDirection(Glow glow, ImageSet images, int label, int limit, int batchSize) {
        List<INDArray> with = null;
        List<INDArray> without = null;
        long countWith = 0;
        long countWithout = 0;
        int n = Math.min(limit, images.size());
        for (int from = 0; from < n; from += batchSize) {
            int size = Math.min(batchSize, n - from);
            int[] order = images.order();
            List<INDArray> latents = glow.forward(binCentres(glow, images.batch(order, from, size, glow.dataType()))).latents();
            for (int i = 0; i < size; i++) {
                boolean match = images.label(from + i) == label;
                List<INDArray> target = match ? with : without;
                if (target == null) {
                    target = new ArrayList<>();
                    for (INDArray latent : latents) {
                        target.add(Nd4j.zeros(latent.dataType(), 1, latent.size(1), latent.size(2), latent.size(3)));
                    }
                    if (match) {
                        with = target;
                    } else {
                        without = target;
                    }
                }
                for (int level = 0; level < latents.size(); level++) {
                    target.get(level).addi(latents.get(level).get(NDArrayIndex.interval(i, i + 1)));
                }
                if (match) {
                    countWith++;
                } else {
                    countWithout++;
                }
            }
        }
        if (countWith == 0 || countWithout == 0) {
            throw new IllegalArgumentException("label " + label + " splits the images into an empty group");
        }
        List<INDArray> direction = new ArrayList<>();
        for (int level = 0; level < with.size(); level++) {
            direction.add(with.get(level).div(countWith).subi(without.get(level).div(countWithout)));
        }
        return direction;
    }

    /**
     * One row per image: decoded from {@code z + alpha * direction} for each strength {@code alpha}.
     * Returns the pixels that the exact inverse left non-finite.
     */
    public static long manipulation(Glow glow, ImageSet images, int[] indices, List<INDArray> direction,
            double[] strengths, Path png) throws IOException {
        ClampedDecoder decoder = new ClampedDecoder();
        List<INDArray> rows = new ArrayList<>();
        for (int index : indices) {
            List<INDArray> z = glow.forward(binCentres(glow, images, index)).latents();
            List<INDArray> row = new ArrayList<>();
            for (double alpha : strengths) {
                List<INDArray> moved = new ArrayList<>();
                for (int level = 0; level < z.size(); level++) {
                    moved.add(z.get(level).add(direction.get(level).mul(alpha)));
                }
                row.add(decoder.decode(inversion -> glow.reverse(moved, inversion)));
            }
            rows.add(Nd4j.concat(0, row.toArray(new INDArray[0])));
        }
        ImageGrid.write(rows, png);
        return decoder.nonFinitePixels();
    }

    private static INDArray binCentres(Glow glow, ImageSet images, int index) {
        return binCentres(glow, images.batch(new int[] {index}, 0, 1, glow.dataType()));
    }

    private static INDArray binCentres(Glow glow, INDArray pixels) {
        return pixels.add(0.5).divi(256.0).subi(0.5);
    }
}
