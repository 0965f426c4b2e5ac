package org.glowzip.model.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.glowzip.codec.flow.TileBorder;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.flow.BorderPlanes;
import org.glowzip.model.flow.Glow;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch of tiles for a Glow, with their border planes. An unconditioned Glow's images are its
 * tiles, with neither neighbour. A conditioned Glow's images are one sample larger each way than
 * its tiles: the tile is all but the first row and column, its border the first row (the row
 * above) and the first column (the column left), each absent with a probability, as at the edges
 * of a canvas, drawn from a seed.
 *
 * @param pixels  the tiles' samples, {@code [N, C, H, W]} in [0, 255]
 * @param borders their border planes
 */
public record TileBatch(INDArray pixels, BorderPlanes borders) {
    /** Whether {@code set}'s images fit {@code glow}: its tiles, or for a conditioned Glow its tiles with their borders. */
    public static boolean fits(Glow glow, ImageSet set) {
        GlowConfig config = glow.config();
        int extra = glow.conditioned() ? 1 : 0;
        return set.channels() == config.channels() && set.height() == config.height() + extra && set.width() == config.width() + extra;
    }

    /**
     * Images {@code order[from..from+count)} of {@code set} as tiles of {@code glow}; a side of a
     * border is absent with probability {@code absentSide}, drawn from {@code seed}.
     */
    public static TileBatch of(Glow glow, ImageSet set, int[] order, int from, int count, double absentSide, long seed) {
        GlowConfig config = glow.config();
        if (!fits(glow, set)) {
            throw new IllegalArgumentException("a " + set.channels() + "x" + set.height() + "x" + set.width() + " image set for a "
                    + (glow.conditioned() ? "conditioned " : "") + "Glow of " + config);
        }
        if (!glow.conditioned()) {
            return new TileBatch(set.batch(order, from, count, glow.dataType()), BorderPlanes.none(count, config, glow.dataType()));
        }
        int channels = config.channels();
        int height = config.height();
        int width = config.width();
        int side = width + 1;
        float[] values = new float[count * channels * height * width];
        List<TileBorder> borders = new ArrayList<>(count);
        SplittableRandom random = new SplittableRandom(seed);
        int n = 0;
        for (int i = 0; i < count; i++) {
            byte[] patch = set.samples(order[from + i]);
            byte[] above = random.nextDouble() < absentSide ? null : new byte[channels * width];
            byte[] left = random.nextDouble() < absentSide ? null : new byte[channels * height];
            for (int c = 0; c < channels; c++) {
                int plane = c * (height + 1) * side;
                for (int x = 0; above != null && x < width; x++) {
                    above[c * width + x] = patch[plane + x + 1];
                }
                for (int y = 0; y < height; y++) {
                    if (left != null) {
                        left[c * height + y] = patch[plane + (y + 1) * side];
                    }
                    for (int x = 0; x < width; x++) {
                        values[n++] = patch[plane + (y + 1) * side + x + 1] & 0xFF;
                    }
                }
            }
            borders.add(new TileBorder(channels, height, width, above, left));
        }
        INDArray pixels = Nd4j.create(values, new long[] {count, channels, height, width}, DataType.FLOAT).castTo(glow.dataType());
        return new TileBatch(pixels, BorderPlanes.of(borders, config, glow.dataType()));
    }
}
