package org.glowzip.codec;

import java.util.HashMap;
import java.util.Map;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.stream.ImageShape;
import org.glowzip.codec.stream.ModelChooser;
import org.glowzip.codec.tile.TileCoder;

/**
 * The model choice of one stream written with a {@link ModelSet}: the set's trial for the first
 * image of each width, height and sample format, its pick for every later image of that shape and
 * format. One per stream, used by its writer's thread only.
 */
final class ModelChoiceByShape implements ModelChooser {
    private final ModelSet models;
    private final Map<ImageShape, ImageCodec> picks = new HashMap<>();

    ModelChoiceByShape(ModelSet models) {
        this.models = models;
    }

    @Override
    public TileCoder choose(Image image) {
        return picks.computeIfAbsent(new ImageShape(image.width(), image.height(), image.format()), shape -> models.choose(image)).tiles();
    }

    @Override
    public TileCoder forNoImages() {
        return models.codecs().get(0).tiles();
    }
}
