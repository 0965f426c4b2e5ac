package org.glowzip.codec.stream;

import java.io.IOException;
import org.glowzip.codec.tile.TileCoder;

/**
 * Finds the tile coder of a model a stream names, in its header or in a model block: the reader's
 * side of {@link ModelChooser}. A reader asks once per model it meets, when it meets it.
 */
@FunctionalInterface
public interface ModelResolver {
    /**
     * The tile coder of {@code model}'s model file with {@code model}'s coding parameters.
     *
     * @param offset the stream offset of the fingerprint that names it, for errors
     * @throws IOException {@link org.glowzip.codec.MalformedStreamException} at {@code offset}, or
     *         another exception of the reader's choosing, if no model here has that fingerprint
     */
    TileCoder resolve(StreamModel model, long offset) throws IOException;
}
