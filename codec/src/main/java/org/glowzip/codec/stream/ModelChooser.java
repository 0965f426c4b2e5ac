package org.glowzip.codec.stream;

import org.glowzip.codec.image.Image;
import org.glowzip.codec.tile.TileCoder;

/**
 * Picks the tile coder, and so the model and coding parameters, of each image a
 * {@link GlowzipWriter} writes; the writer starts a block and writes a model block wherever the
 * pick changes. Called on the writer's thread, in the order of the images.
 */
public interface ModelChooser {
    /** The tile coder that codes {@code image}. */
    TileCoder choose(Image image);

    /** The tile coder the header of a stream without images names. */
    TileCoder forNoImages();

    /** Every image coded by {@code tiles}: a stream without model blocks. */
    static ModelChooser always(TileCoder tiles) {
        return new ModelChooser() {
            @Override
            public TileCoder choose(Image image) {
                return tiles;
            }

            @Override
            public TileCoder forNoImages() {
                return tiles;
            }
        };
    }
}
