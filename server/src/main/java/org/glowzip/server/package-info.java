/**
 * The glowzip compression server: {@link org.glowzip.server.GlowServer} (embeddable), its limits
 * ({@link org.glowzip.server.GlowServerConfig}), the models it serves
 * ({@link org.glowzip.server.ServedModel}) and its error kinds ({@link org.glowzip.server.ErrorKind}).
 * Subpackages: {@code codec} (Netty pipeline handlers for glowzip streams, usable in any
 * pipeline), {@code http} (the HTTP/1.1 API), {@code input} (the image containers a compress
 * request may hold), {@code metrics} (Prometheus counters).
 */
package org.glowzip.server;
