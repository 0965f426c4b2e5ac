package org.glowzip.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.glowzip.bench.compare.BenchRow;
import org.glowzip.bench.compare.ModelLikelihood;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.ModelSet;
import org.glowzip.server.GlowServer;
import org.glowzip.server.ServedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glowzip serve}: the streaming compression server, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the HTTP compression server: POST /v1/compress, POST /v1/decompress, GET /v1/models, /healthz, /metrics.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Mixin
    ModelOption modelOption;

    @Mixin
    ServerLimitOptions limits;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--nll-data", paramLabel = "IDX_OR_DIR",
            description = "Test images on which to measure the model's NLL at start-up, for GET /v1/models"
                    + " (default: the bundled Fashion-MNIST test sample when serving the bundled model; otherwise none).")
    Path nllData;

    @Override
    public Integer call() throws Exception {
        List<ServedModel> served = new ArrayList<>();
        List<ServedModel> retired = new ArrayList<>();
        if (modelOption.model == null) {
            ModelSet bundled = ModelSet.bundled();
            for (int i = 0; i < bundled.codecs().size(); i++) {
                ImageCodec codec = ServedModel.streamingCodec(bundled.codecs().get(i).model());
                served.add(new ServedModel(bundled.names().get(i), codec, i == 0 ? testNll(codec) : Double.NaN));
            }
            for (int i = 0; i < bundled.retired().size(); i++) {
                retired.add(ServedModel.of(bundled.retiredNames().get(i), bundled.retired().get(i).model()));
            }
        } else {
            ImageCodec codec = ServedModel.streamingCodec(modelOption.codec().model());
            served.add(new ServedModel(modelOption.model.getFileName().toString(), codec, testNll(codec)));
        }
        try (GlowServer server = new GlowServer(limits.config(), served, retired)) {
            int bound = server.start(host, port);
            if (!verbosity.quiet) {
                System.err.println("glowzip serving on http://" + host + ":" + bound + " (Ctrl-C stops)");
            }
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        }
        return 0;
    }

    /** The float model's NLL in bpd on the test images, or NaN when there are none of the model's shape. */
    private double testNll(ImageCodec codec) throws Exception {
        if (nllData == null && modelOption.model != null) {
            return Double.NaN;
        }
        BenchRow row = ModelLikelihood.row(codec.model(), DataOption.images(nllData));
        if (!verbosity.quiet) {
            System.err.println(row == null ? "glowzip: no NLL measured: the images do not have the model's shape"
                    : String.format(Locale.ROOT, "glowzip: test NLL %.4f bpd on %d images of %s", row.bpd(), row.images(), DataOption.describe(nllData)));
        }
        return row == null ? Double.NaN : row.bpd();
    }
}
