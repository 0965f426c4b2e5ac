package org.glowzip.bench;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glowzip.bench.profile.Stage;
import org.glowzip.bench.profile.StageProfiler;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ModelSet;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.image.Image;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code glowzip profile}: where the time of coding goes. Codes the images in the single-image
 * form, each with the model the set chooses for it (chosen beforehand, outside the profile),
 * once to warm up, then encodes and decodes them all under the flight recorder; prints each
 * direction's samples per second, its effective GFLOP/s (samples/s x the context network's
 * multiply-adds per sample x 2) and the share of each {@link Stage} in the execution samples of
 * all threads.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Profile encoding and decoding by stage (network kernels, slots, features, rANS, I/O, copying): samples/s, "
                + "effective GFLOP/s and each stage's share of the time.")
final class ProfileCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Mixin
    ModelOption modelOption;

    @Mixin
    DataOption dataOption;

    @Option(names = "--limit", defaultValue = "100", description = "Images to use (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        List<Image> images = dataOption.images().stream().limit(limit).toList();
        ModelSet models = modelOption.models();
        List<ImageCodec> codecs = new ArrayList<>();
        long samples = 0;
        double multiplyAdds = 0;
        for (Image image : images) {
            ImageCodec codec = models.choose(image);
            codecs.add(codec);
            samples += image.sampleCount();
            multiplyAdds += ContextModel.present(codec.model()) ? (double) image.sampleCount() * ContextModel.of(codec.model()).multiplyAdds() : 0;
        }
        List<byte[]> coded = new ArrayList<>();
        for (int i = 0; i < Math.min(3, images.size()); i++) {
            codecs.get(i).decode(codecs.get(i).encode(images.get(i)));
        }
        long start = System.nanoTime();
        Map<Stage, Long> encode = StageProfiler.profile(() -> {
            for (int i = 0; i < images.size(); i++) {
                coded.add(codecs.get(i).encode(images.get(i)));
            }
        });
        double encodeSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        Map<Stage, Long> decode = StageProfiler.profile(() -> {
            for (int i = 0; i < images.size(); i++) {
                if (!decoded(codecs.get(i), coded.get(i)).equals(images.get(i))) {
                    throw new IllegalStateException("image " + i + " did not decode to itself");
                }
            }
        });
        double decodeSeconds = (System.nanoTime() - start) / 1e9;
        long bytes = coded.stream().mapToLong(b -> b.length).sum();
        System.out.printf(Locale.ROOT, "%d images, %d samples, %d bytes, %.4f bits per sample; context network %.0f multiply-adds per sample%n",
                images.size(), samples, bytes, 8.0 * bytes / samples, multiplyAdds / samples);
        System.out.printf(Locale.ROOT, "%-44s %12s %12s%n", "", "encode", "decode");
        System.out.printf(Locale.ROOT, "%-44s %12.2f %12.2f%n", "seconds", encodeSeconds, decodeSeconds);
        System.out.printf(Locale.ROOT, "%-44s %12.0f %12.0f%n", "samples/s", samples / encodeSeconds, samples / decodeSeconds);
        System.out.printf(Locale.ROOT, "%-44s %12.2f %12.2f%n", "effective GFLOP/s (context network)",
                2 * multiplyAdds / encodeSeconds / 1e9, 2 * multiplyAdds / decodeSeconds / 1e9);
        long encodeTotal = encode.values().stream().mapToLong(Long::longValue).sum();
        long decodeTotal = decode.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "%-44s %12d %12d%n", "execution samples, all threads", encodeTotal, decodeTotal);
        for (Stage stage : Stage.values()) {
            System.out.printf(Locale.ROOT, "%-44s %11.1f%% %11.1f%%%n", stage.description(),
                    100.0 * encode.get(stage) / Math.max(1, encodeTotal), 100.0 * decode.get(stage) / Math.max(1, decodeTotal));
        }
        return 0;
    }

    private static Image decoded(ImageCodec codec, byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (MalformedStreamException e) {
            throw new UncheckedIOException(e);
        }
    }
}
