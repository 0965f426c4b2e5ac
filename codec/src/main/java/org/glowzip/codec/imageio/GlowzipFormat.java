package org.glowzip.codec.imageio;

/** The names under which {@code javax.imageio} finds the glowzip plugin. */
final class GlowzipFormat {
    static final String VENDOR = "glowzip";
    static final String VERSION = "1";
    static final String[] NAMES = {"glowzip", "GLOWZIP"};
    static final String[] SUFFIXES = {"glz"};
    static final String[] MIME_TYPES = {"image/x-glowzip"};

    private GlowzipFormat() {
    }
}
