package org.glowzip.bench.compare;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import javax.imageio.ImageIO;
import org.glowzip.codec.ModelSet;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.image.SampleFormat;
import org.glowzip.codec.tile.TileCoding;
import org.glowzip.codec.tile.TileTally;

/**
 * A codec that compresses each image alone. Its encoder gives an image's bytes, or {@code null}
 * where it does not apply to that image; its decoder says whether bytes it wrote give the image
 * back; its model namer names the model that coded bytes it wrote, for a codec that picks one of
 * several. A codec that runs {@link #programs} starts a process per image, and is measured only
 * where they are installed.
 */
public record PerImageCodec(String name, String setting, List<String> programs, Encoder encoder, Decoder decoder, ModelNamer modelNamer) {

    /** Compresses one image. */
    public interface Encoder {
        /** The image's bytes, or {@code null} where this codec does not apply to it. */
        byte[] encode(BenchImage image) throws IOException, InterruptedException;
    }

    /** Decompresses one image's bytes and compares them with the image. */
    public interface Decoder {
        boolean decodesTo(byte[] bytes, Image image) throws IOException, InterruptedException;
    }

    /** Names the model that coded one image's bytes. */
    public interface ModelNamer {
        /** The namer of a codec that has no models to pick from: it names none. */
        ModelNamer NONE = bytes -> null;

        /** The name of the model that coded {@code bytes}, or {@code null} for a codec without models. */
        String modelOf(byte[] bytes) throws IOException;
    }

    public PerImageCodec {
        programs = List.copyOf(programs);
    }

    /** PNG through glowzip's own writer, adaptive filters at zlib's default level; the decoded image equals the input, metadata included. */
    public static PerImageCodec png() {
        return new PerImageCodec("png", "zlib 6", List.of(), image -> ImageFormat.PNG.write(image.image()), PerImageCodec::readsAsPng,
                ModelNamer.NONE);
    }

    /** The PNG file as given, for images that are one: the size the user starts from. */
    public static PerImageCodec pngFile() {
        return new PerImageCodec("png-file", "as given", List.of(), image -> image.pngFile() == null ? null : Files.readAllBytes(image.pngFile()),
                PerImageCodec::readsAsPng, ModelNamer.NONE);
    }

    /**
     * glowzip's single-image form with the model of the set that codes each image shortest
     * ({@link ModelSet#encode}); the decoded image equals the input, metadata included. It names
     * each image's model by the set's name of the model whose fingerprint the bytes record, and
     * how many of its tiles the Glow coded: {@code "photo-gray glow 3/221"}.
     */
    public static PerImageCodec glowzip(ModelSet models) {
        String setting = models.codecs().size() == 1 ? "single-image form" : "single-image form, model per image";
        return new PerImageCodec("glowzip-single", setting, List.of(), image -> models.encode(image.image()),
                (bytes, image) -> image.equals(models.decode(bytes)), bytes -> models.nameOf(bytes) + " glow " + glowTiles(models, bytes));
    }

    /** The tiles of {@code bytes} that the Glow coded (bits-back or pop-free), of all its tiles: {@code "3/221"}. */
    private static String glowTiles(ModelSet models, byte[] bytes) throws IOException {
        TileTally tally = new TileTally();
        models.codecOf(bytes).decode(bytes, tally);
        long all = tally.counts().values().stream().mapToLong(Long::longValue).sum();
        return (tally.count(TileCoding.GLOW_BITS_BACK) + tally.count(TileCoding.GLOW_POP_FREE)) + "/" + all;
    }

    /**
     * A command-line tool, given the image as a PNG file. Its decoded PNG must hold the same values,
     * compared without metadata: tools may drop or add chunks, write gray as RGB, add an opaque
     * alpha channel, or (optipng) turn the image into a palette or a lower bit depth.
     */
    public static PerImageCodec of(ExternalTool tool) {
        return new PerImageCodec(tool.name(), tool.setting(), tool.programs(), image -> tool.compress(ImageFormat.PNG.write(image.image())),
                (bytes, image) -> samplesOf(image).equals(valuesOf(tool.decompress(bytes), image.format())), ModelNamer.NONE);
    }

    /** True when its programs are installed. */
    public boolean available() {
        return ExternalTool.installed(programs);
    }

    /** True for a codec that picks a model per image and names it. */
    public boolean namesModels() {
        return modelNamer != ModelNamer.NONE;
    }

    /** True for a tool that starts a process per image. */
    public boolean startsProcesses() {
        return !programs.isEmpty();
    }

    private static boolean readsAsPng(byte[] bytes, Image image) throws IOException {
        return image.equals(ImageFormat.read(bytes));
    }

    /** The image's samples without its metadata. */
    private static Image samplesOf(Image image) {
        return Image.of(image.width(), image.height(), image.format(), image.samples());
    }

    /**
     * The values of a tool's PNG (read by ImageIO, a palette expanded to its colours), in {@code format}
     * where they fit it; as read where they do not, or {@code null} where they are no exact
     * {@link SampleFormat} at all.
     */
    private static Image valuesOf(byte[] png, SampleFormat format) throws IOException {
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
        if (read == null) {
            throw new IOException("the tool's output is no image ImageIO reads");
        }
        try {
            return inFormat(Image.fromBufferedImage(read), format);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A decoded image in {@code format} where it holds the same values, metadata dropped: tools may
     * add an opaque alpha channel, write gray as RGB or RGB as gray. Returned as decoded where the
     * values differ.
     */
    private static Image inFormat(Image decoded, SampleFormat format) {
        SampleFormat from = decoded.format();
        if (from.bitDepth() != format.bitDepth() || format.hasAlpha() && !from.hasAlpha()) {
            return samplesOf(decoded);
        }
        int colours = from.isColour() ? 3 : 1;
        int[] values = new int[decoded.width() * decoded.height() * format.channels()];
        int i = 0;
        for (int y = 0; y < decoded.height(); y++) {
            for (int x = 0; x < decoded.width(); x++) {
                int first = decoded.value(y, x, 0);
                for (int c = 1; c < colours; c++) {
                    if (!format.isColour() && decoded.value(y, x, c) != first) {
                        return samplesOf(decoded);
                    }
                }
                for (int c = 0; c < (format.isColour() ? 3 : 1); c++) {
                    values[i++] = decoded.value(y, x, colours == 3 ? c : 0);
                }
                if (format.hasAlpha()) {
                    values[i++] = decoded.value(y, x, colours);
                } else if (from.hasAlpha() && decoded.value(y, x, colours) != from.maxValue()) {
                    return samplesOf(decoded);
                }
            }
        }
        return Image.ofValues(decoded.width(), decoded.height(), format, values);
    }
}
