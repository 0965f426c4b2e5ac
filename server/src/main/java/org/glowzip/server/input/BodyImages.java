package org.glowzip.server.input;

import java.io.IOException;
import java.io.InputStream;
import org.glowzip.codec.input.ImageInputs;
import org.glowzip.codec.input.ImageSource;
import org.glowzip.codec.input.InputLimits;
import org.glowzip.codec.input.InputRejectedException;
import org.glowzip.server.ApiException;
import org.glowzip.server.ErrorKind;
import org.glowzip.server.GlowServerConfig;

/**
 * The images of a compress request's body, read through the codec's input layer
 * ({@link ImageInputs}, whatever the Content-Type), and the answer to each way it can be refused.
 */
public final class BodyImages {
    /** The body's name in messages: {@code body: ...}, {@code body/a.png: ...}. */
    static final String NAME = "body";

    private BodyImages() {
    }

    /**
     * The images of {@code body} within the server's limits: {@code maxPixelsPerImage} per image,
     * {@code maxExpandedBytes} both for what decompression produces and for the samples of all
     * images, and the input layer's default number of images
     * ({@link InputLimits#DEFAULTS}{@code .maxImages()}). The body's first bytes are read now, so
     * that a body of the wrong kind is refused before a response begins.
     */
    public static ImageSource open(InputStream body, GlowServerConfig config) throws IOException {
        InputLimits limits = new InputLimits(config.maxExpandedBytes(), InputLimits.DEFAULTS.maxImages(), config.maxExpandedBytes(),
                config.maxPixelsPerImage());
        return new ImageInputs(limits).open(body, NAME);
    }

    /**
     * The error to answer for a refused body, or {@code null} if {@code failure} is no
     * {@link InputRejectedException}: 415 for a body of no accepted kind, 422 for an image file
     * that does not decode, 400 for a body without images, 413 for a limit
     * ({@code image_too_large} for one image, {@code body_too_large} for the rest). Damaged bytes
     * raise {@link org.glowzip.codec.MalformedStreamException}, answered 400 like a damaged stream.
     */
    public static ApiException refusal(Throwable failure) {
        if (!(failure instanceof InputRejectedException refused)) {
            return null;
        }
        ErrorKind kind = switch (refused.reason()) {
            case UNSUPPORTED -> ErrorKind.UNSUPPORTED_MEDIA_TYPE;
            case UNDECODABLE -> ErrorKind.UNDECODABLE;
            case NO_IMAGES -> ErrorKind.MALFORMED;
            case IMAGE_SIZE -> ErrorKind.IMAGE_TOO_LARGE;
            case EXPANDED_BYTES, IMAGES, SAMPLES -> ErrorKind.BODY_TOO_LARGE;
        };
        return new ApiException(kind, refused.getMessage());
    }
}
