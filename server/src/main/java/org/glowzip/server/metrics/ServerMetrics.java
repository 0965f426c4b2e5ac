package org.glowzip.server.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's counters, exposed at {@code GET /metrics} in the Prometheus text format 0.0.4.
 *
 * <pre>
 * glowzip_requests_total{endpoint,code}          requests answered, by endpoint and status code
 * glowzip_request_bytes_total{endpoint}          request body bytes received
 * glowzip_response_bytes_total{endpoint}         response body bytes sent
 * glowzip_images_total{endpoint}                 images compressed or decompressed
 * glowzip_samples_total{endpoint}                their samples (width x height x channels)
 * glowzip_compressed_bytes_total                 glowzip bytes produced by compress
 * glowzip_compress_bits_per_dimension            8 x compressed bytes / samples, over all compress requests
 * glowzip_request_duration_seconds{endpoint}     histogram: request head received to response end
 * glowzip_errors_total{kind}                     failures by kind (the "error" of the JSON error body,
 *                                                and client_disconnected for clients that left)
 * glowzip_jobs_active                            compress/decompress jobs holding a job slot (running or waiting for a worker)
 * glowzip_jobs_queued                            compress/decompress jobs waiting in the queue for a job slot
 * glowzip_connections_open                       open HTTP connections
 * glowzip_buffered_body_bytes                    request body bytes received and not yet consumed by a job
 * </pre>
 */
public final class ServerMetrics {
    private final ConcurrentMap<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LatencyHistogram> latencies = new ConcurrentHashMap<>();
    private final AtomicLong jobsActive = new AtomicLong();
    private final AtomicLong jobsQueued = new AtomicLong();
    private final AtomicLong connectionsOpen = new AtomicLong();
    private final AtomicLong bufferedBodyBytes = new AtomicLong();

    public void request(String endpoint, int code, double seconds) {
        add("glowzip_requests_total{endpoint=\"" + endpoint + "\",code=\"" + code + "\"}", 1);
        latencies.computeIfAbsent(endpoint, e -> new LatencyHistogram()).observe(seconds);
    }

    public void requestBytes(String endpoint, long bytes) {
        add("glowzip_request_bytes_total{endpoint=\"" + endpoint + "\"}", bytes);
    }

    public void responseBytes(String endpoint, long bytes) {
        add("glowzip_response_bytes_total{endpoint=\"" + endpoint + "\"}", bytes);
    }

    public void images(String endpoint, long images, long samples) {
        add("glowzip_images_total{endpoint=\"" + endpoint + "\"}", images);
        add("glowzip_samples_total{endpoint=\"" + endpoint + "\"}", samples);
    }

    public void compressed(long bytes) {
        add("glowzip_compressed_bytes_total", bytes);
    }

    public void error(String kind) {
        add("glowzip_errors_total{kind=\"" + kind + "\"}", 1);
    }

    public AtomicLong jobsActive() {
        return jobsActive;
    }

    public AtomicLong jobsQueued() {
        return jobsQueued;
    }

    public AtomicLong connectionsOpen() {
        return connectionsOpen;
    }

    public AtomicLong bufferedBodyBytes() {
        return bufferedBodyBytes;
    }

    /** The value of a counter series, e.g. {@code glowzip_errors_total{kind="malformed"}}; 0 if absent. */
    public long counter(String series) {
        LongAdder adder = counters.get(series);
        return adder == null ? 0 : adder.sum();
    }

    private void add(String series, long amount) {
        counters.computeIfAbsent(series, s -> new LongAdder()).add(amount);
    }

    /** All series in the Prometheus text format. */
    public String render() {
        StringBuilder out = new StringBuilder();
        Map<String, Map<String, Long>> families = new TreeMap<>();
        counters.forEach((series, adder) -> {
            int brace = series.indexOf('{');
            String name = brace < 0 ? series : series.substring(0, brace);
            families.computeIfAbsent(name, n -> new TreeMap<>()).put(series, adder.sum());
        });
        families.forEach((name, series) -> {
            out.append("# TYPE ").append(name).append(" counter\n");
            series.forEach((s, v) -> out.append(s).append(' ').append(v).append('\n'));
        });
        long samples = counter("glowzip_samples_total{endpoint=\"compress\"}");
        long compressed = counter("glowzip_compressed_bytes_total");
        gauge(out, "glowzip_compress_bits_per_dimension", samples == 0 ? "NaN" : Double.toString(8.0 * compressed / samples));
        gauge(out, "glowzip_jobs_active", Long.toString(jobsActive.get()));
        gauge(out, "glowzip_jobs_queued", Long.toString(jobsQueued.get()));
        gauge(out, "glowzip_connections_open", Long.toString(connectionsOpen.get()));
        gauge(out, "glowzip_buffered_body_bytes", Long.toString(bufferedBodyBytes.get()));
        out.append("# TYPE glowzip_request_duration_seconds histogram\n");
        new TreeMap<>(latencies).forEach((endpoint, histogram) ->
                histogram.write(out, "glowzip_request_duration_seconds", "endpoint=\"" + endpoint + "\""));
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String value) {
        out.append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }
}
