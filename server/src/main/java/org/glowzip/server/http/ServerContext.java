package org.glowzip.server.http;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glowzip.server.GlowServerConfig;
import org.glowzip.server.ServedModel;
import org.glowzip.server.metrics.ServerMetrics;

/** What every connection of one server shares: its limits, models, counters, admission, workers and routes. */
public final class ServerContext {
    final GlowServerConfig config;
    final List<ServedModel> models;
    /** Models that decompress what they coded and compress nothing. */
    final List<ServedModel> retired;
    final ServerMetrics metrics;
    final JobAdmission admission;
    final ExecutorService workers;
    final AtomicBoolean closing = new AtomicBoolean();
    final ApiRoutes routes;

    public ServerContext(GlowServerConfig config, List<ServedModel> models, List<ServedModel> retired, ServerMetrics metrics, ExecutorService workers) {
        this.config = config;
        this.models = List.copyOf(models);
        this.retired = List.copyOf(retired);
        this.metrics = metrics;
        this.admission = new JobAdmission(config.maxConcurrentJobs(), config.maxQueuedJobs(), config.maxJobsPerClient(), metrics.jobsQueued());
        this.workers = workers;
        this.routes = new ApiRoutes(this);
    }

    /** From now on jobs are refused with 503 {@code shutting_down} and health checks fail. */
    public void beginClosing() {
        closing.set(true);
    }
}
