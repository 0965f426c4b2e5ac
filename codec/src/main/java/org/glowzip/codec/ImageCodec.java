package org.glowzip.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.ModelFileReader;
import org.glowzip.codec.stream.BlockDecoder;
import org.glowzip.codec.stream.GlowzipForm;
import org.glowzip.codec.stream.GlowzipReader;
import org.glowzip.codec.stream.GlowzipWriter;
import org.glowzip.codec.stream.ModelResolver;
import org.glowzip.codec.stream.SingleImageCoder;
import org.glowzip.codec.stream.SingleImageFormat;
import org.glowzip.codec.stream.StreamHeader;
import org.glowzip.codec.stream.StreamParser;
import org.glowzip.codec.tile.TileCoder;
import org.glowzip.codec.tile.TileTally;

/**
 * Lossless image compression with a trained Glow: the public entry point.
 *
 * <p>{@link #encode} and {@link #decode} code one image in the compact single-image form
 * ({@link SingleImageFormat}: 15 bytes of framing on a small image with the default coding
 * parameters); {@link #writer} and {@link #reader} stream many, in blocks
 * ({@link org.glowzip.codec.stream.StreamFormat}), and {@link #decode} also takes a stream that
 * holds exactly one image. Any image size and sample format
 * ({@link org.glowzip.codec.image.SampleFormat}: 1 to 4 channels of 8 or 16 bits) is accepted,
 * with its metadata (see {@code Tiling} in the stream package for how sizes and planes that do
 * not fit the model are handled).
 *
 * <p>A decode produces at most {@link #maxDecodeSamples} samples at once (one single image, or
 * one block of a stream), by default {@link GlowzipReader#DEFAULT_MAX_SAMPLES}; more raise
 * {@link DecodeLimitException} before anything is allocated for them. Instances are immutable
 * and thread-safe.
 */
public final class ImageCodec {
    private final ModelFile model;
    private final CodingParameters parameters;
    private final long blockSamples;
    private final long maxDecodeSamples;
    private final TileCoder tiles;
    private final SingleImageCoder single;

    public ImageCodec(ModelFile model) {
        this(model, CodingParameters.DEFAULT, GlowzipWriter.DEFAULT_BLOCK_SAMPLES);
    }

    /** @param blockSamples samples per block of a stream: the encoder's and decoder's memory bound */
    public ImageCodec(ModelFile model, CodingParameters parameters, long blockSamples) {
        this(model, parameters, blockSamples, GlowzipReader.DEFAULT_MAX_SAMPLES, new TileCoder(model, parameters));
    }

    private ImageCodec(ModelFile model, CodingParameters parameters, long blockSamples, long maxDecodeSamples, TileCoder tiles) {
        if (maxDecodeSamples < 1) {
            throw new IllegalArgumentException("sample limit " + maxDecodeSamples + " is not positive");
        }
        this.model = model;
        this.parameters = parameters;
        this.blockSamples = blockSamples;
        this.maxDecodeSamples = maxDecodeSamples;
        this.tiles = tiles; // built once: every encode, decode and codelength shares it
        this.single = new SingleImageCoder(model, tiles);
    }

    /** This codec with another limit on the samples one decode may produce. */
    public ImageCodec withMaxDecodeSamples(long maxDecodeSamples) {
        return new ImageCodec(model, parameters, blockSamples, maxDecodeSamples, tiles);
    }

    /**
     * A decode limit sized to this JVM: an eighth of its largest heap, at most what one image may
     * hold ({@link Image#MAX_SAMPLES}). For applications that decode their users' own files (the
     * command line, the ImageIO plugin); a server facing strangers keeps the smaller default.
     */
    public static long heapSizedDecodeLimit() {
        return Math.min(Image.MAX_SAMPLES, Runtime.getRuntime().maxMemory() / 8);
    }

    /** The most samples one decode produces: of one single image, or one block of a stream. */
    public long maxDecodeSamples() {
        return maxDecodeSamples;
    }

    /** Resource name of the bundled default model, trained on Fashion-MNIST. */
    public static final String BUNDLED_MODEL = "/org/glowzip/codec/fashion-mnist.glowmodel";

    /**
     * A codec with the bundled default model.
     *
     * @throws IllegalStateException if this build has no bundled model
     */
    public static ImageCodec bundled() {
        return bundled(BUNDLED_MODEL);
    }

    /**
     * A codec with the bundled model of resource name {@code name} (one of {@link ModelSet#BUNDLED}).
     *
     * @throws IllegalStateException if this build lacks it
     */
    public static ImageCodec bundled(String name) {
        try (InputStream in = ImageCodec.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("this build has no bundled model (" + name + "); pass a model file");
            }
            return new ImageCodec(ModelFileReader.read(in.readAllBytes()));
        } catch (IOException e) {
            throw new IllegalStateException("bundled model unreadable: " + e.getMessage(), e);
        }
    }

    /** A codec with the model file at {@code path}. */
    public static ImageCodec load(Path path) throws IOException {
        return new ImageCodec(ModelFileReader.read(path));
    }

    public ModelFile model() {
        return model;
    }

    public CodingParameters parameters() {
        return parameters;
    }

    /**
     * One image in the single-image form: coded when that is smaller than its raw samples, raw
     * otherwise, so never more than 15 bytes over raw for a small image (see {@link SingleImageFormat}).
     */
    public byte[] encode(Image image) {
        return single.encode(image);
    }

    /**
     * The image of {@code bytes}: a single image of {@link #encode}, or a stream that holds
     * exactly one image. Either is decoded with the coding parameters it names.
     *
     * @throws MalformedStreamException if the bytes are damaged, truncated, neither form, from
     *         another model, or a stream that holds other than one image
     */
    public Image decode(byte[] bytes) throws MalformedStreamException {
        return decode(bytes, new TileTally());
    }

    /**
     * {@link #decode(byte[])}, counting into {@code tally} how each tile was coded.
     *
     * @throws MalformedStreamException as {@link #decode(byte[])}
     */
    public Image decode(byte[] bytes, TileTally tally) throws MalformedStreamException {
        return switch (GlowzipForm.of(bytes)) {
            case SINGLE_IMAGE -> single.decode(bytes, maxDecodeSamples, tally);
            case STREAM -> decodeStream(bytes, tally);
        };
    }

    private Image decodeStream(byte[] stream, TileTally tally) throws MalformedStreamException {
        try (GlowzipReader reader = reader(new ByteArrayInputStream(stream))) {
            Image image = reader.read();
            if (image == null || reader.read() != null) {
                throw new MalformedStreamException(0, "stream does not hold exactly one image");
            }
            tally.addAll(reader.tally());
            return image;
        } catch (MalformedStreamException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }

    /**
     * The exact size in bits of {@link #encode encode(image)}: it runs the same coding as
     * {@code encode} (every tile is pushed and its candidates tried) and skips only writing the
     * bytes, so it costs about as much as {@code encode}.
     */
    public long codelength(Image image) {
        return 8 * single.size(image);
    }

    /** A writer of a stream of many images onto {@code out}, all coded with this codec's model: no model blocks. */
    public GlowzipWriter writer(OutputStream out) throws IOException {
        return new GlowzipWriter(out, tiles, blockSamples);
    }

    /**
     * A decoder of the blocks of a stream with {@code header}, for readers that walk a stream with
     * a {@link StreamParser} themselves; it decodes with this codec's {@link #resolver}.
     *
     * @throws MalformedStreamException if the header names another model
     */
    public BlockDecoder blockDecoder(StreamHeader header) throws IOException {
        return new BlockDecoder(header, resolver());
    }

    /** A reader of a stream of images from {@code in}, every one of them coded with this codec's model. */
    public GlowzipReader reader(InputStream in) throws IOException {
        return reader(in, resolver());
    }

    /** A reader of a stream from {@code in} with this codec's decode limit, its models found by {@code models}. */
    GlowzipReader reader(InputStream in, ModelResolver models) throws IOException {
        return new GlowzipReader(in, models, maxDecodeSamples);
    }

    /**
     * What a reader with this codec finds a stream's models by: this codec's model alone (its tile
     * coder where the coding parameters are this codec's, a new one for others); any other
     * fingerprint raises {@link MalformedStreamException} at the offset that names it.
     */
    public ModelResolver resolver() {
        return (named, offset) -> {
            if (!Arrays.equals(named.fingerprint(), model.fingerprint())) {
                throw new MalformedStreamException(offset, "stream was coded with model " + named.fingerprintHex().substring(0, 16)
                        + "..., this codec has model " + model.fingerprintHex().substring(0, 16) + "...");
            }
            return named.parameters().equals(parameters) ? tiles : new TileCoder(model, named.parameters());
        };
    }

    /** The tile coder every encode, decode and codelength of this codec shares. */
    TileCoder tiles() {
        return tiles;
    }

    /** Samples per block of this codec's streams. */
    long blockSamples() {
        return blockSamples;
    }
}
