package org.glowzip.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The files bundled with this build as paths, so that the readers of files read them too: a file
 * of the build folder, or an entry of {@code glowzip.jar} through the jar's zip file system (opened
 * once and kept open).
 */
final class BundledFiles {
    private BundledFiles() {
    }

    /** The bundled file of resource name {@code name} (absolute, like {@link DataOption#BUNDLED_SAMPLE}). */
    static synchronized Path path(String name) throws IOException {
        URL url = BundledFiles.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("this build has no bundled " + name);
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bundled " + name + " at " + url, e);
        }
        if (uri.getScheme().equals("jar")) {
            try {
                FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException notYetOpen) {
                FileSystems.newFileSystem(uri, Map.of());
            }
        }
        return Path.of(uri);
    }
}
