package org.glowzip.codec.imageio;

import org.glowzip.codec.ImageCodec;

/** The bundled model's codec, loaded once, when the plugin first reads or writes with it. */
final class BundledModel {
    static final ImageCodec CODEC = ImageCodec.bundled();

    private BundledModel() {
    }
}
