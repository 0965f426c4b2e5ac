package org.glowzip.bench.io;

import org.glowzip.codec.image.Image;

/** An image with the name it came under (a file or archive entry name, or a position). */
public record NamedImage(String name, Image image) {
}
