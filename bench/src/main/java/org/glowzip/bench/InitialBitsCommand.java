package org.glowzip.bench;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.glowzip.bench.io.ImageInputs;
import org.glowzip.bench.io.NamedImage;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.IntGlow;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.model.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code glowzip initial-bits}: what bits-back borrows when an image is coded alone. Each image
 * is pushed onto an empty message and onto one already holding a million random bits; the
 * difference is what the first pops took from the empty message's zero bed.
 */
@Command(name = "initial-bits", mixinStandardHelpOptions = true,
        description = "Measure the bits an image borrows when coded alone (empty message) against coding it on a funded message.")
final class InitialBitsCommand implements Callable<Integer> {
    private static final int FUNDING_WORDS = 1 << 16;

    @Mixin
    Verbosity verbosity;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--limit", defaultValue = "100", description = "Images of the bundled sample to use (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--fractional-bits", split = ",", defaultValue = "14,12,10,8",
            description = "Fixed-point bits P to compare; P - 8 bits of noise per sample (default: ${DEFAULT-VALUE}).")
    List<Integer> fractionalBits;

    @Override
    public Integer call() throws Exception {
        ModelFile model = modelOption.codec().model();
        List<Image> images;
        try (InputStream in = InitialBitsCommand.class.getResourceAsStream(BenchCommand.BUNDLED_SAMPLE)) {
            images = ImageInputs.fromBytes("sample", in.readAllBytes()).stream().map(NamedImage::image).limit(limit).toList();
        }
        System.out.printf(Locale.ROOT, "%3s %6s %12s %12s %12s%n", "P", "noise", "alone bpd", "funded bpd", "borrowed");
        for (int p : fractionalBits) {
            CodingParameters defaults = CodingParameters.DEFAULT;
            IntGlow glow = new IntGlow(model, new CodingParameters(p, defaults.scaleBits(), defaults.priorPrecision()));
            SplittableRandom random = new SplittableRandom(1);
            double alone = 0;
            double funded = 0;
            for (Image image : images) {
                byte[] samples = image.samples();
                Message empty = new Message();
                glow.push(empty, samples);
                alone += empty.bitLength();
                Message rich = new Message();
                for (int i = 0; i < FUNDING_WORDS; i++) {
                    rich.push(random.nextInt(1 << 16), 1, 16);
                }
                long before = rich.bitLength();
                glow.push(rich, samples);
                funded += rich.bitLength() - before;
            }
            double dims = (double) images.size() * glow.samplesPerImage();
            System.out.printf(Locale.ROOT, "%3d %6d %12.4f %12.4f %12.4f%n", p, p - 8, alone / dims, funded / dims, (alone - funded) / dims);
        }
        return 0;
    }
}
