package org.glowzip.bench;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.glowzip.server.GlowServer;
import org.glowzip.server.GlowServerConfig;
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

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Override
    public Integer call() throws Exception {
        String name = modelOption.model == null ? "fashion-mnist" : modelOption.model.getFileName().toString();
        try (GlowServer server = new GlowServer(GlowServerConfig.defaults(), List.of(ServedModel.of(name, modelOption.codec().model())))) {
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
}
