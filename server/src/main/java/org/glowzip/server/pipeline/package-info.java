/**
 * Netty handlers for glowzip streams, usable in any pipeline (e.g. a plain TCP service):
 * {@link org.glowzip.server.pipeline.GlowDecoder} (bytes in arbitrary slices to images) and
 * {@link org.glowzip.server.pipeline.GlowEncoder} (images to a stream), with the I/O-free state
 * machine {@link org.glowzip.server.pipeline.StreamUnpacker} they and the HTTP server share.
 */
package org.glowzip.server.pipeline;
