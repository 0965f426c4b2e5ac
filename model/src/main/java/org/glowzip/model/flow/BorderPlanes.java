package org.glowzip.model.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.glowzip.codec.flow.TileBorder;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.nn.FeatureMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The border planes of a batch of tiles at every level of a Glow: level {@code i}'s
 * {@code [N, P, H / 2^(i+1), W / 2^(i+1)]} are the codec's {@link TileBorder#planes} of each tile,
 * so what the float Glow trains on is what the integer coder reads.
 */
public final class BorderPlanes {
    private final List<INDArray> levels;

    private BorderPlanes(List<INDArray> levels) {
        this.levels = Collections.unmodifiableList(levels);
    }

    /** The planes of {@code borders}, one per tile of the batch, for a Glow of {@code config}. */
    public static BorderPlanes of(List<TileBorder> borders, GlowConfig config, DataType type) {
        List<INDArray> levels = new ArrayList<>();
        for (int level = 0; level < config.levels(); level++) {
            int scale = 2 << level;
            float[] data = null;
            long[] shape = null;
            for (int n = 0; n < borders.size(); n++) {
                FeatureMap planes = borders.get(n).planes(scale);
                int size = planes.channels() * planes.height() * planes.width();
                if (data == null) {
                    data = new float[borders.size() * size];
                    shape = new long[] {borders.size(), planes.channels(), planes.height(), planes.width()};
                }
                for (int c = 0; c < planes.channels(); c++) {
                    float[] plane = planes.plane(c);
                    System.arraycopy(plane, 0, data, n * size + c * plane.length, plane.length);
                }
            }
            levels.add(Nd4j.create(data, shape, DataType.FLOAT).castTo(type));
        }
        return new BorderPlanes(levels);
    }

    /** The planes of {@code count} tiles with neither neighbour. */
    public static BorderPlanes none(int count, GlowConfig config, DataType type) {
        return of(Collections.nCopies(count, TileBorder.none(config.channels(), config.height(), config.width())), config, type);
    }

    /** These planes outside any ND4J workspace, so that they outlive the step that made them. */
    public BorderPlanes detach() {
        return new BorderPlanes(levels.stream().map(INDArray::detach).toList());
    }

    /** How many tiles the planes are of. */
    public int count() {
        return (int) levels.get(0).size(0);
    }

    /** Level {@code level}'s planes. */
    public INDArray level(int level) {
        return levels.get(level);
    }
}
