package org.glowzip.codec.imageio;

import org.glowzip.codec.ImageCodec;

/**
 * The bundled model's codec, loaded once, when the plugin first reads or writes with it; it
 * decodes images as large as this JVM's heap comfortably holds ({@link ImageCodec#heapSizedDecodeLimit}).
 */
final class BundledModel {
    static final ImageCodec CODEC = ImageCodec.bundled().withMaxDecodeSamples(ImageCodec.heapSizedDecodeLimit());

    private BundledModel() {
    }
}
