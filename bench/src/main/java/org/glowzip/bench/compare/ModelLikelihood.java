package org.glowzip.bench.compare;

import java.util.List;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.flow.Glow;
import org.glowzip.model.flow.GlowFiles;
import org.glowzip.model.train.Evaluator;

/**
 * The float model's negative log-likelihood (ND4J), in bits per dimension, with one uniform
 * dequantization sample per image: the rate the bits-back coder aims at.
 */
public final class ModelLikelihood {
    private static final int BATCH = 100;
    private static final long SEED = 0;

    private ModelLikelihood() {
    }

    /** The glow-nll row, or {@code null} when the images do not have the model's shape. */
    public static BenchRow row(ModelFile model, List<Image> images) throws Exception {
        GlowConfig config = model.config();
        int size = config.channels() * config.height() * config.width();
        byte[] pixels = new byte[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            Image image = images.get(i);
            if (image.channels() != config.channels() || image.height() != config.height() || image.width() != config.width()) {
                return null;
            }
            byte[] samples = image.samples();
            for (int c = 0; c < config.channels(); c++) { // interleaved to planar
                for (int p = 0; p < config.height() * config.width(); p++) {
                    pixels[i * size + c * config.height() * config.width() + p] = samples[p * config.channels() + c];
                }
            }
        }
        ImageSet set = new ImageSet(config.channels(), config.height(), config.width(), pixels, new int[images.size()]);
        Glow glow = GlowFiles.fromModelFile(model);
        long start = System.nanoTime();
        double bpd = Evaluator.bitsPerDimension(glow, GlowFiles.dequantizationOf(model), set, images.size(), BATCH, SEED);
        long samples = (long) images.size() * size;
        return BenchRow.likelihood("glow-nll", "float model (ND4J), 1 noise sample", images.size(), samples, bpd,
                (System.nanoTime() - start) / 1e9);
    }
}
