package org.glowzip.model.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.model.GlowConfig;
import org.glowzip.codec.model.ModelFile;
import org.glowzip.codec.model.ModelFileReader;
import org.glowzip.model.context.CodedRate;
import org.glowzip.model.context.ContextFiles;
import org.glowzip.model.context.ContextNetwork;
import org.glowzip.model.context.ContextSamples;
import org.glowzip.model.context.ContextTrainer;
import org.glowzip.model.context.ContextTrainingOptions;
import org.glowzip.model.data.DataDirectory;
import org.glowzip.model.data.ImageSet;

/**
 * Trains the context model of a model file: {@code ContextTrainMain --data DIR --model IN.gzm
 * --out OUT.gzm [--radius 3 --hidden 128 --epochs 3 --batch 1024 --lr 2e-3 --final-lr 1e-4
 * --seed 1 --train-limit all --test-limit all --exact-images 1000 --log-dir DIR]}. The data
 * directory is a {@link DataDirectory} of images of the model's shape. OUT holds IN's tensors
 * unchanged plus the new context tensors; {@code log.csv} and {@code bpd.png} go to the log
 * directory (default: OUT's). At the end it prints the rate of the codec's own path on the
 * first {@code exact-images} test images ({@link CodedRate}), read back from OUT, and the float
 * network's on the same images.
 *
 * <p>{@code --context-from FILE} trains nothing: OUT gets FILE's context model instead. A context
 * model does not depend on the Glow beside it, so one trained model serves a newer Glow
 * checkpoint of the same image shape.
 */
public final class ContextTrainMain {
    private static final String ALL = "all";

    private ContextTrainMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("data", "../shared/data/fashion-mnist");
        defaults.put("model", "codec/src/main/resources/org/glowzip/codec/fashion-mnist.glowmodel");
        defaults.put("out", "model/runs/context-fashion-mnist/model.gzm");
        defaults.put("radius", "3");
        defaults.put("hidden", "128");
        defaults.put("epochs", "3");
        defaults.put("batch", "1024");
        defaults.put("lr", "2e-3");
        defaults.put("final-lr", "1e-4");
        defaults.put("seed", "1");
        defaults.put("train-limit", ALL);
        defaults.put("test-limit", ALL);
        defaults.put("exact-images", "1000");
        defaults.put("log-dir", "");
        defaults.put("context-from", "");
        Arguments a = new Arguments(args, defaults);
        ModelFile model = ModelFileReader.read(Path.of(a.string("model")));
        GlowConfig shape = model.config();
        Path data = Path.of(a.string("data"));
        ImageSet train = DataDirectory.split(data, false, shape.channels());
        ImageSet test = DataDirectory.split(data, true, shape.channels());
        for (ImageSet set : new ImageSet[] {train, test}) {
            if (set.channels() != shape.channels() || set.height() != shape.height() || set.width() != shape.width()) {
                throw new IllegalArgumentException(data + " holds " + set.channels() + "x" + set.height() + "x" + set.width()
                        + " images; the model is " + shape.channels() + "x" + shape.height() + "x" + shape.width());
            }
        }
        Path out = Path.of(a.string("out")).toAbsolutePath();
        int exactImages = Math.min(a.integer("exact-images"), test.size());
        if (!a.string("context-from").isEmpty()) {
            Path from = Path.of(a.string("context-from"));
            ContextFiles.write(out, model, ContextFiles.contextOf(ModelFileReader.read(from)));
            System.out.println("wrote " + out + " with the context model of " + from);
            printCodedRate(out, test, exactImages);
            return;
        }
        Path logDirectory = a.string("log-dir").isEmpty() ? out.getParent() : Path.of(a.string("log-dir"));
        ContextTrainingOptions options = new ContextTrainingOptions(a.integer("radius"), a.integer("hidden"),
                a.integer("epochs"), a.integer("batch"), a.real("lr"), a.real("final-lr"), a.number("seed"),
                limit(a.string("train-limit")), limit(a.string("test-limit")), logDirectory);
        System.err.printf("training a context model (radius %d, hidden %d) on %d of %d images, testing on %d%n",
                options.radius(), options.hidden(), Math.min(options.trainImages(), train.size()), train.size(),
                Math.min(options.testImages(), test.size()));
        ContextNetwork network = new ContextTrainer(options, train, test, System.err).run();
        ContextFiles.write(out, model, network.tensors());
        System.out.println("wrote " + out);
        printCodedRate(out, test, exactImages);
        double float32 = ContextTrainer.bitsPerSample(network, new ContextSamples(test, exactImages, options.radius()));
        System.out.printf("first %d test images: %.4f bits per sample in float%n", exactImages, float32);
    }

    /** The rate of the codec's own path, with the context model read back from {@code file}. */
    private static void printCodedRate(Path file, ImageSet test, int images) throws IOException {
        ContextModel written = ContextModel.of(ModelFileReader.read(file));
        System.out.printf("first %d test images: %.4f bits per sample on the codec path%n", images, CodedRate.bitsPerSample(written, test, images));
    }

    private static int limit(String value) {
        return value.equals(ALL) ? Integer.MAX_VALUE : Integer.parseInt(value);
    }
}
