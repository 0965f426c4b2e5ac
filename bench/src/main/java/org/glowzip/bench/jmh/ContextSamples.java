package org.glowzip.bench.jmh;

import java.util.List;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.context.TableSoftmax;
import org.glowzip.codec.image.Canvas;
import org.glowzip.codec.image.Image;

/**
 * Real samples and the logits a context model gives them, in its coding order: what the coder's
 * slot computation sees.
 *
 * @param symbols the samples
 * @param logits  {@value ContextModel#SYMBOLS} logits per sample, {@code [samples, 256]}
 */
public record ContextSamples(int[] symbols, float[] logits) {
    /**
     * The first {@code count} samples of {@code images}, each of the model's shape.
     *
     * @throws IllegalArgumentException if an image is not of the model's shape or they hold fewer samples
     */
    public static ContextSamples of(ContextModel model, List<Image> images, int count) {
        int[] symbols = new int[count];
        float[] logits = new float[count * ContextModel.SYMBOLS];
        float[] features = new float[model.features().count()];
        ContextModel.Scratch scratch = model.scratch();
        int plane = model.height() * model.width();
        int n = 0;
        for (Image image : images) {
            if (image.width() != model.width() || image.height() != model.height() || image.planes() != model.channels()) {
                throw new IllegalArgumentException(image + " is not of the context model's shape");
            }
            byte[] planar = planar(image);
            Canvas canvas = Canvas.of(planar, model.channels(), model.height(), model.width());
            for (int p = 0; p < plane && n < count; p++) {
                for (int c = 0; c < model.channels() && n < count; c++, n++) {
                    model.features().features(canvas, c, p / model.width(), p % model.width(), features);
                    System.arraycopy(model.logits(features, scratch), 0, logits, n * ContextModel.SYMBOLS, ContextModel.SYMBOLS);
                    symbols[n] = planar[c * plane + p] & 0xFF;
                }
            }
        }
        if (n < count) {
            throw new IllegalArgumentException(images.size() + " images hold " + n + " samples, not " + count);
        }
        return new ContextSamples(symbols, logits);
    }

    private static byte[] planar(Image image) {
        byte[] interleaved = image.samples();
        int planes = image.planes();
        int plane = image.width() * image.height();
        byte[] planar = new byte[interleaved.length];
        for (int i = 0; i < interleaved.length; i++) {
            planar[i % planes * plane + i / planes] = interleaved[i];
        }
        return planar;
    }

    public int count() {
        return symbols.length;
    }

    /**
     * The mean over these samples of the bits that coding each with {@link TableSoftmax}'s slots
     * costs beyond coding it with {@link ContextModel#cumulative}'s.
     */
    public double tableExtraBits() {
        int[] table = new int[ContextModel.SYMBOLS + 1];
        float[] one = new float[ContextModel.SYMBOLS];
        double bits = 0;
        for (int n = 0; n < count(); n++) {
            System.arraycopy(logits, n * ContextModel.SYMBOLS, one, 0, ContextModel.SYMBOLS);
            int[] exact = ContextModel.cumulative(one);
            TableSoftmax.slots(logits, n * ContextModel.SYMBOLS, table);
            int s = symbols[n];
            bits += Math.log((double) (exact[s + 1] - exact[s]) / (table[s + 1] - table[s]));
        }
        return bits / Math.log(2) / count();
    }
}
