package org.glowzip.codec.input;

import java.io.IOException;
import java.nio.file.Path;
import org.glowzip.codec.image.Image;

/**
 * Run in a JVM with a small heap by {@link BoundedMemoryTest}: reads each file through the input
 * layer, keeping no image, and prints {@code FILE: N images} or {@code FILE: REASON: message}.
 *
 * <p>Arguments: the expansion limit in bytes, then the files.
 */
public final class DrainInput {
    private DrainInput() {
    }

    public static void main(String[] args) throws IOException {
        InputLimits limits = new InputLimits(Long.parseLong(args[0]), InputLimits.DEFAULTS.maxImages(), InputLimits.DEFAULTS.maxSamples(),
                InputLimits.DEFAULTS.maxPixelsPerImage());
        for (int i = 1; i < args.length; i++) {
            long images = 0;
            try (ImageSource source = new ImageInputs(limits).open(Path.of(args[i]))) {
                for (Image image = source.next(); image != null; image = source.next()) {
                    images++;
                }
                System.out.println(args[i] + ": " + images + " images");
            } catch (InputRejectedException e) {
                System.out.println(args[i] + ": " + e.reason() + ": " + e.getMessage());
            }
        }
    }
}
