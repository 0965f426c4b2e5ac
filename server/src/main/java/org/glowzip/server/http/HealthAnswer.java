package org.glowzip.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The answer to {@code GET /healthz}: 200 {@code {"status":"ok","jobs_active":N,"models":M}}
 * while the server takes jobs, 503 {@code {"status":"shutting_down"}} once it is closing.
 */
record HealthAnswer(boolean shuttingDown, long jobsActive, int models) {
    static HealthAnswer of(ServerContext server) {
        return new HealthAnswer(server.closing.get(), server.metrics.jobsActive().get(), server.models.size());
    }

    HttpResponseStatus status() {
        return shuttingDown ? HttpResponseStatus.SERVICE_UNAVAILABLE : HttpResponseStatus.OK;
    }

    String toJson() {
        if (shuttingDown) {
            return new JsonObject().field("status", "shutting_down").toString();
        }
        return new JsonObject().field("status", "ok").field("jobs_active", jobsActive).field("models", models).toString();
    }
}
