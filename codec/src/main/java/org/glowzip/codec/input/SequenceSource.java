package org.glowzip.codec.input;

import java.io.IOException;
import java.util.List;
import org.glowzip.codec.image.Image;

/** The images of several inputs one after the other, each opened when the one before it has ended, and closed then. */
final class SequenceSource implements ImageSource {
    private final List<? extends ImageInputs.Opener> inputs;
    private int nextInput;
    private ImageSource current;

    SequenceSource(List<? extends ImageInputs.Opener> inputs) {
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public Image next() throws IOException {
        while (true) {
            if (current == null) {
                if (nextInput == inputs.size()) {
                    return null;
                }
                current = inputs.get(nextInput++).open();
            }
            Image image = current.next();
            if (image != null) {
                return image;
            }
            current.close();
            current = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
        nextInput = inputs.size();
    }
}
