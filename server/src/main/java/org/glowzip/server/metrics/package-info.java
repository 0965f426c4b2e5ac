/** The server's counters and their Prometheus text rendering ({@link org.glowzip.server.metrics.ServerMetrics}). */
package org.glowzip.server.metrics;
