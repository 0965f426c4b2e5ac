package org.glowzip.server.pipeline;

/**
 * The end of a glowzip stream, as a pipeline message: {@link GlowDecoder} emits it after the
 * last image of a stream, and writing it to a {@link GlowEncoder} finishes the stream being
 * written (its count is then ignored). So a decoder's output can be fed to an encoder as is.
 *
 * @param images number of images the stream held
 */
public record GlowStreamEnd(long images) {
}
