package org.glowzip.server.http;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.glowzip.server.ApiException;
import org.glowzip.server.ErrorKind;
import org.glowzip.server.ServedModel;

/**
 * The HTTP API, one table: each path, the one method it takes, its endpoint name in the metrics
 * and what serves it.
 *
 * <pre>
 * POST /v1/compress[?model=NAME]  body: PNG, PGM, PPM, tar or zip of those, IDX of images, or a gzip of any
 *                                 200 application/x-glowzip, chunked, a block per chunk as it completes
 * POST /v1/decompress             body: a glowzip stream of any loaded model
 *                                 200 image/png (one image; PGM/PPM if it came as one with a maximum value other
 *                                 than 255 or 65535) or application/x-tar of those (any other count), streamed
 * GET  /v1/models                 200 application/json: name, fingerprint, shape, NLL, measured rates of each model ({@link ModelsAnswer})
 * GET  /healthz                   200 {"status":"ok",...}; 503 while shutting down ({@link HealthAnswer})
 * GET  /metrics                   200 Prometheus text format ({@link org.glowzip.server.metrics.ServerMetrics})
 * </pre>
 * A path of the table asked with another method is answered 405 {@code method_not_allowed}, any
 * other path 404 {@code not_found}; errors are JSON ({@link ErrorAnswer}) with the status of their
 * {@link ErrorKind}. A compress body is recognized by its bytes; its Content-Type, if any, must be
 * one of {@link #COMPRESS_TYPES}.
 */
final class ApiRoutes {
    /** The endpoint name, in the metrics, of a request for a path that has no route. */
    static final String NO_ROUTE = "other";
    /** The Content-Types a compress request may declare. */
    private static final Set<String> COMPRESS_TYPES = Set.of("application/octet-stream", "image/png", "image/x-portable-graymap",
            "image/x-portable-pixmap", "image/x-portable-anymap", "application/x-tar", "application/tar", "application/zip",
            "application/x-zip-compressed", "application/x-idx", "application/gzip", "application/x-gzip");
    private static final Set<String> DECOMPRESS_TYPES = Set.of("application/octet-stream", CompressJob.CONTENT_TYPE);

    /** Serves a request that matched its route, on the connection's event loop. */
    @FunctionalInterface
    interface Handler {
        void serve(Exchange exchange, HttpRequest request, QueryStringDecoder query);
    }

    /** Requests of {@code method} for {@code path} are served by {@code handler} and counted as {@code endpoint}. */
    record Route(HttpMethod method, String path, String endpoint, Handler handler) {
    }

    private final ServerContext server;
    private final Map<String, Route> routes;

    ApiRoutes(ServerContext server) {
        this.server = server;
        this.routes = Stream.of(
                new Route(HttpMethod.POST, "/v1/compress", "compress", this::compress),
                new Route(HttpMethod.POST, "/v1/decompress", "decompress", this::decompress),
                new Route(HttpMethod.GET, "/v1/models", "models", answer(this::models)),
                new Route(HttpMethod.GET, "/healthz", "healthz", answer(this::health)),
                new Route(HttpMethod.GET, "/metrics", "metrics", answer(this::metrics)))
                .collect(Collectors.toUnmodifiableMap(Route::path, Function.identity()));
    }

    /** The route of {@code path}, or {@code null} if it has none. */
    Route find(String path) {
        return routes.get(path);
    }

    /** Serves a request for {@code route} ({@code null}: a path without one): its handler, or a 404 or 405. */
    static void serve(Route route, Exchange exchange, HttpRequest request, QueryStringDecoder query) {
        if (route == null) {
            exchange.respondError(new ApiException(ErrorKind.NOT_FOUND, "no such endpoint: " + query.path()), false);
        } else if (!route.method().equals(request.method())) {
            exchange.respondError(new ApiException(ErrorKind.METHOD_NOT_ALLOWED, "use " + route.method()), false);
        } else {
            route.handler().serve(exchange, request, query);
        }
    }

    /** A handler that answers at once with what {@code response} gives. */
    private static Handler answer(Supplier<FullHttpResponse> response) {
        return (exchange, request, query) -> exchange.respond(response.get());
    }

    private FullHttpResponse models() {
        return Responses.json(HttpResponseStatus.OK, new ModelsAnswer(server.models, server.retired).toJson());
    }

    private FullHttpResponse health() {
        HealthAnswer health = HealthAnswer.of(server);
        return Responses.json(health.status(), health.toJson());
    }

    private FullHttpResponse metrics() {
        return Responses.text(HttpResponseStatus.OK, "text/plain; version=0.0.4; charset=utf-8", server.metrics.render());
    }

    private void compress(Exchange exchange, HttpRequest request, QueryStringDecoder query) {
        if (!acceptable(exchange, request, COMPRESS_TYPES, "a PNG, PGM, PPM, tar, zip, IDX or gzip file")) {
            return;
        }
        List<String> names = query.parameters().get("model");
        ServedModel model = server.models.get(0);
        if (names != null && !names.isEmpty()) {
            String wanted = names.get(0);
            model = server.models.stream()
                    .filter(m -> m.name().equals(wanted) || (wanted.length() >= 8 && m.model().fingerprintHex().startsWith(wanted.toLowerCase(Locale.ROOT))))
                    .findFirst().orElse(null);
            if (model == null) {
                exchange.respondError(new ApiException(ErrorKind.BAD_REQUEST, "no model " + wanted + "; loaded: "
                        + String.join(", ", server.models.stream().map(ServedModel::name).toList())), false);
                return;
            }
        }
        exchange.startJob(new CompressJob(server, model));
    }

    private void decompress(Exchange exchange, HttpRequest request, QueryStringDecoder query) {
        if (acceptable(exchange, request, DECOMPRESS_TYPES, CompressJob.CONTENT_TYPE)) {
            exchange.startJob(new DecompressJob(server));
        }
    }

    /** True if the request's body is within the size limit and of an accepted Content-Type (or none); else answered with the refusal. */
    private boolean acceptable(Exchange exchange, HttpRequest request, Set<String> types, String expected) {
        long length = HttpUtil.getContentLength(request, -1L);
        if (length > server.config.maxBodyBytes()) {
            exchange.respondError(new ApiException(ErrorKind.BODY_TOO_LARGE, "request body of " + length
                    + " bytes exceeds the limit of " + server.config.maxBodyBytes() + " bytes"), true);
            return false;
        }
        CharSequence mime = HttpUtil.getMimeType(request);
        String type = mime == null ? null : mime.toString().trim().toLowerCase(Locale.ROOT);
        if (type != null && !types.contains(type)) {
            exchange.respondError(new ApiException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + type + " is not accepted here; send " + expected),
                    false);
            return false;
        }
        return true;
    }
}
