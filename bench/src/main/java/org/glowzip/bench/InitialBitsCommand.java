package org.glowzip.bench;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.image.Canvas;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.tile.TileCoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code glowzip initial-bits}: what an image costs alone against in a long stream. Each image
 * is pushed onto an empty message (so pop-free: by the context model, or by the flow at the
 * pop-free resolution when the model file has none), and all of them, one after another, onto
 * one message already holding a million random bits (so bits-back, at P fractional bits), as a
 * lane of a stream carries them once it is funded; the difference is the price of coding an image
 * alone. The funded figure is the message's growth over all the images: a message's length is
 * counted in whole 32-bit words, so each image's own growth would be off by up to a word.
 */
@Command(name = "initial-bits", mixinStandardHelpOptions = true,
        description = "Measure the bits an image borrows when coded alone (empty message) against coding it on a funded message.")
final class InitialBitsCommand implements Callable<Integer> {
    private static final int FUNDING_WORDS = 1 << 16;

    @Mixin
    Verbosity verbosity;

    @Mixin
    ModelOption modelOption;

    @Mixin
    DataOption dataOption;

    @Option(names = "--limit", defaultValue = "100", description = "Images to use (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--fractional-bits", split = ",", defaultValue = "14",
            description = "Fractional bits P to compare; P - 8 bits of noise per sample (default: ${DEFAULT-VALUE}).")
    List<Integer> fractionalBits;

    @Option(names = "--pop-free-bits", split = ",", defaultValue = "5",
            description = "Pop-free resolutions of the flow to compare, for model files without a context model (default: ${DEFAULT-VALUE}).")
    List<Integer> popFreeBits;

    @Override
    public Integer call() throws Exception {
        ModelFile model = modelOption.codec().model();
        List<Image> images = dataOption.images().stream().limit(limit).toList();
        System.out.printf(Locale.ROOT, "%3s %6s %9s %12s %12s %12s%n", "P", "noise", "pop-free", "alone bpd", "funded bpd", "difference");
        CodingParameters defaults = CodingParameters.DEFAULT;
        for (int p : fractionalBits) {
            for (int popFree : popFreeBits) {
                report(new TileCoder(model, new CodingParameters(p, defaults.scaleBits(), defaults.priorPrecision(), popFree)), images,
                        verbosity.quiet);
            }
        }
        return 0;
    }

    /** A message holding a million random bits, the same each time. */
    static Message funded() {
        SplittableRandom random = new SplittableRandom(1);
        Message message = new Message();
        for (int i = 0; i < FUNDING_WORDS; i++) {
            message.push(random.nextInt(1 << 16), 1, 16);
        }
        return message;
    }

    /** One row: the images' mean bpd pushed alone and pushed one after another onto a funded message. */
    private static void report(TileCoder coder, List<Image> images, boolean quiet) {
        Message rich = funded();
        long before = rich.bitLength();
        double alone = 0;
        try (Progress progress = new Progress("P " + coder.parameters().fractionalBits(), images.size(), "img", quiet)) {
            for (Image image : images) {
                Canvas samples = Canvas.of(image.samples(), coder.config().channels(), image.height(), image.width());
                Message empty = new Message();
                coder.push(empty, samples);
                alone += empty.bitLength();
                coder.push(rich, samples);
                progress.advance(1);
            }
        }
        double funded = rich.bitLength() - before;
        double dims = (double) images.size() * coder.samplesPerTile();
        CodingParameters coding = coder.parameters();
        System.out.printf(Locale.ROOT, "%3d %6d %9s %12.4f %12.4f %12.4f%n", coding.fractionalBits(), coding.noiseBits(),
                coder.hasContextModel() ? "context" : "2^-" + coding.popFreeBits(), alone / dims, funded / dims, (alone - funded) / dims);
    }
}
