package org.glowzip.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.stream.GlowzipForm;
import org.glowzip.codec.stream.GlowzipReader;
import org.glowzip.codec.stream.GlowzipWriter;
import org.glowzip.codec.stream.ModelResolver;
import org.glowzip.codec.stream.SingleImageFormat;
import org.glowzip.codec.stream.SingleImageHeader;
import org.glowzip.codec.stream.StreamFormat;
import org.glowzip.codec.stream.StreamHeader;

/**
 * Several models, and the rule that picks one per image: the bundled set (Fashion-MNIST, gray
 * photos, RGB photos) or the models a user names. Whatever codes an image names its model by
 * fingerprint, so decoding finds the model in the set without being told. Each model of a set has
 * a name for people to read: a bundled model its resource's file name without the extension
 * ({@code fashion-mnist}, {@code photo-gray}, {@code photo-rgb}), another the name it was given
 * or, by default, the first {@value #DEFAULT_NAME_HEX_DIGITS} hex digits of its fingerprint.
 *
 * <h2>Choice</h2>
 * {@link #choose} codes a trial crop of the image with every model and keeps the one whose crop
 * is shortest (the first of equals): the whole image when it has at most {@value #TRIAL_SIDE}
 * pixels a side, otherwise the {@value #TRIAL_SIDE} x {@value #TRIAL_SIDE} crop at its centre
 * (shorter sides kept whole). The trial costs what coding that crop costs with each model. A set
 * of one model always picks it.
 *
 * <p>A stream ({@link #writer}) picks per image too, but runs the trial only for the first image
 * of each width, height and sample format in the stream: later images of that shape and format
 * take the model it picked, so a dataset of thousands of small images of one size costs one trial
 * rather than coding every image once per model. Where the pick changes from one image to the
 * next the stream switches models with a model block ({@link StreamFormat}).
 *
 * <h2>Retired models</h2>
 * A set may also hold retired models ({@link #retiring}): models that decode what they once coded
 * but code nothing new, so that replacing a bundled model with a better one of the same name never
 * strands a file. {@link #codecs()}, {@link #names()} and the choice see the coding models only;
 * whatever finds a model by fingerprint ({@link #decode}, {@link #reader}, {@link #resolver},
 * {@link #name}) sees the retired ones too. The bundled set retires the models of {@link #RETIRED}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ModelSet {
    /** Resource names of the bundled models, the default first. */
    public static final List<String> BUNDLED = List.of(ImageCodec.BUNDLED_MODEL, "/org/glowzip/codec/photo-gray.glowmodel",
            "/org/glowzip/codec/photo-rgb.glowmodel");
    /**
     * Resource names of the bundled models that were replaced: they decode the files they coded and
     * code nothing new, named by their file name without the extension (the old name and the first
     * hex digits of the fingerprint).
     */
    public static final List<String> RETIRED = List.of();
    /** The names of the bundled models, in the order of {@link #BUNDLED}: each resource's file name without the extension. */
    public static final List<String> BUNDLED_NAMES = BUNDLED.stream().map(ModelSet::bundledName).toList();
    /** The largest side of the crop that {@link #choose} codes with every model. */
    public static final int TRIAL_SIDE = 128;
    /** How many hex digits of its fingerprint name a model that was given no name: the prefix a single image records. */
    public static final int DEFAULT_NAME_HEX_DIGITS = 2 * SingleImageFormat.FINGERPRINT_SIZE;

    private final List<ImageCodec> codecs;
    private final List<String> names;
    private final List<ImageCodec> retired;
    private final List<String> retiredNames;

    private ModelSet(List<ImageCodec> codecs, List<String> names) {
        this(codecs, names, List.of(), List.of());
    }

    private ModelSet(List<ImageCodec> codecs, List<String> names, List<ImageCodec> retired, List<String> retiredNames) {
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("a model set needs a model");
        }
        if (names.size() != codecs.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + codecs.size() + " models");
        }
        List<String> allNames = concat(names, retiredNames);
        if (allNames.stream().distinct().count() != allNames.size()) {
            throw new IllegalArgumentException("two models of a set have one name: " + allNames);
        }
        this.codecs = List.copyOf(codecs);
        this.names = List.copyOf(names);
        this.retired = List.copyOf(retired);
        this.retiredNames = List.copyOf(retiredNames);
    }

    /** The set of {@code codecs}, in order of preference on a tie, each named by its fingerprint's first hex digits. */
    public static ModelSet of(List<ImageCodec> codecs) {
        return new ModelSet(codecs, codecs.stream().map(codec -> codec.model().fingerprintHex().substring(0, DEFAULT_NAME_HEX_DIGITS)).toList());
    }

    /**
     * The set of {@code codecs}, in order of preference on a tie, named {@code names}.
     *
     * @throws IllegalArgumentException if there are not as many names as codecs, or two are equal
     */
    public static ModelSet named(List<String> names, List<ImageCodec> codecs) {
        return new ModelSet(codecs, names);
    }

    /**
     * The bundled models, each with the default coding parameters, named.
     *
     * @throws IllegalStateException if this build lacks one
     */
    public static ModelSet bundled() {
        ModelSet bundled = new ModelSet(BUNDLED.stream().map(ImageCodec::bundled).toList(), BUNDLED_NAMES);
        for (String resource : RETIRED) {
            bundled = bundled.retiring(bundledName(resource), ImageCodec.bundled(resource));
        }
        return bundled;
    }

    /**
     * This set, also decoding what {@code codec} coded but never coding with it.
     *
     * @throws IllegalArgumentException if the set has a model named {@code name} already
     */
    public ModelSet retiring(String name, ImageCodec codec) {
        return new ModelSet(codecs, names, concat(retired, List.of(codec)), concat(retiredNames, List.of(name)));
    }

    /** The name of the bundled model of resource {@code resource}: its file name without the extension. */
    private static String bundledName(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1, resource.lastIndexOf('.'));
    }

    /** The models that code, in order of preference on a tie. */
    public List<ImageCodec> codecs() {
        return codecs;
    }

    /** The names of the models that code, in the order of {@link #codecs()}. */
    public List<String> names() {
        return names;
    }

    /** The retired models: they decode, and code nothing. */
    public List<ImageCodec> retired() {
        return retired;
    }

    /** The names of the retired models, in the order of {@link #retired()}. */
    public List<String> retiredNames() {
        return retiredNames;
    }

    /** The name of the set's model, coding or retired, whose fingerprint starts with {@code prefix} (all 32 bytes, or fewer), if the set has one. */
    public Optional<String> name(byte[] prefix) {
        return indexNamed(prefix).map(concat(names, retiredNames)::get);
    }

    /** This set with every codec's decode limit, the retired ones' too, set to {@code maxDecodeSamples}. */
    public ModelSet withMaxDecodeSamples(long maxDecodeSamples) {
        return new ModelSet(codecs.stream().map(codec -> codec.withMaxDecodeSamples(maxDecodeSamples)).toList(), names,
                retired.stream().map(codec -> codec.withMaxDecodeSamples(maxDecodeSamples)).toList(), retiredNames);
    }

    /** The codec that codes {@code image} shortest, by the trial of the class comment. */
    public ImageCodec choose(Image image) {
        return codecs.size() == 1 ? codecs.get(0) : shortestOn(centreCrop(image));
    }

    /** The codec that codes {@code trial} shortest, the first of equals. */
    private ImageCodec shortestOn(Image trial) {
        ImageCodec best = null;
        long bestLength = Long.MAX_VALUE;
        for (ImageCodec codec : codecs) {
            long length = codec.codelength(trial);
            if (length < bestLength) {
                best = codec;
                bestLength = length;
            }
        }
        return best;
    }

    /**
     * A writer of a stream onto {@code out} whose images are each coded with the model the trial
     * of the class comment picks, run once per shape and sample format; blocks of the first
     * codec's size. A set of one model writes a stream without model blocks.
     */
    public GlowzipWriter writer(OutputStream out) {
        return new GlowzipWriter(out, new ModelChoiceByShape(this), codecs.get(0).blockSamples());
    }

    /**
     * What a reader of this set finds a stream's models by: the set's model of the fingerprint
     * named ({@link ImageCodec#resolver}); a fingerprint of none of them raises
     * {@link MalformedStreamException} at the offset that names it.
     */
    public ModelResolver resolver() {
        return (named, offset) -> codecNamed(named.fingerprint(), offset).resolver().resolve(named, offset);
    }

    /**
     * The image in the single-image form, coded with the model {@link #choose} picks: where the
     * trial is the whole image, the shortest of its codings by every model, each coded once.
     */
    public byte[] encode(Image image) {
        if (codecs.size() == 1) {
            return codecs.get(0).encode(image);
        }
        Image trial = centreCrop(image);
        if (trial != image) {
            return shortestOn(trial).encode(image);
        }
        byte[] shortest = null;
        for (ImageCodec codec : codecs) {
            byte[] bytes = codec.encode(image);
            if (shortest == null || bytes.length < shortest.length) {
                shortest = bytes;
            }
        }
        return shortest;
    }

    /**
     * The image of {@code bytes} (see {@link ImageCodec#decode}), decoded with the model of the
     * set that coded it.
     *
     * @throws MalformedStreamException as {@link ImageCodec#decode}, and if no model of the set
     *         has the fingerprint the bytes name
     */
    public Image decode(byte[] bytes) throws MalformedStreamException {
        return codecOf(bytes).decode(bytes);
    }

    /**
     * The codec of the set whose model coded {@code bytes}, a single image or a stream.
     *
     * @throws MalformedStreamException if the framing that names the model is damaged or names no model of the set
     */
    public ImageCodec codecOf(byte[] bytes) throws MalformedStreamException {
        return switch (GlowzipForm.of(bytes)) {
            case SINGLE_IMAGE -> codecNamed(SingleImageHeader.read(bytes).fingerprintPrefix(), SingleImageFormat.FINGERPRINT_OFFSET);
            case STREAM -> codecOfStream(Arrays.copyOf(bytes, Math.min(bytes.length, StreamFormat.HEADER_SIZE)));
        };
    }

    /**
     * The name of the model of the set that coded {@code bytes}, a single image or a stream.
     *
     * @throws MalformedStreamException as {@link #codecOf}
     */
    public String nameOf(byte[] bytes) throws MalformedStreamException {
        return name(codecOf(bytes).model().fingerprint()).orElseThrow();
    }

    /**
     * A reader of the stream on {@code in}, with the models of the set that coded it (the
     * header's and the model blocks'), within the decode limit of the header's.
     *
     * @param in an input that supports {@link InputStream#mark mark}, positioned at the stream's start
     * @throws MalformedStreamException if the header is damaged or names no model of the set
     */
    public GlowzipReader reader(InputStream in) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("the input must support mark and reset");
        }
        in.mark(StreamFormat.HEADER_SIZE);
        byte[] header = in.readNBytes(StreamFormat.HEADER_SIZE);
        in.reset();
        return codecOfStream(header).reader(in, resolver());
    }

    /** The codec of the stream whose header (or what there is of it) is {@code header}. */
    private ImageCodec codecOfStream(byte[] header) throws MalformedStreamException {
        if (header.length < StreamFormat.HEADER_SIZE) {
            throw new MalformedStreamException(header.length, "truncated stream header");
        }
        return codecNamed(StreamHeader.read(header).fingerprint(), StreamFormat.FINGERPRINT_OFFSET);
    }

    /** The codec, coding or retired, whose model's fingerprint starts with {@code prefix}, named at {@code offset}. */
    private ImageCodec codecNamed(byte[] prefix, long offset) throws MalformedStreamException {
        Optional<Integer> index = indexNamed(prefix);
        if (index.isEmpty()) {
            throw new MalformedStreamException(offset, "coded with model " + HexFormat.of().formatHex(prefix)
                    + "..., which none of the " + (codecs.size() + retired.size()) + " models here has");
        }
        return concat(codecs, retired).get(index.get());
    }

    /** The index of the model whose fingerprint starts with {@code prefix}, among the coding models and then the retired ones. */
    private Optional<Integer> indexNamed(byte[] prefix) {
        List<ImageCodec> all = concat(codecs, retired);
        for (int i = 0; i < all.size(); i++) {
            if (Arrays.equals(all.get(i).model().fingerprint(), 0, prefix.length, prefix, 0, prefix.length)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static Image centreCrop(Image image) {
        int width = Math.min(image.width(), TRIAL_SIDE);
        int height = Math.min(image.height(), TRIAL_SIDE);
        if (width == image.width() && height == image.height()) {
            return image;
        }
        int left = (image.width() - width) / 2;
        int top = (image.height() - height) / 2;
        int planes = image.planes();
        byte[] all = image.samples();
        byte[] samples = new byte[width * height * planes];
        for (int y = 0; y < height; y++) {
            System.arraycopy(all, ((top + y) * image.width() + left) * planes, samples, y * width * planes, width * planes);
        }
        return Image.of(width, height, image.format(), samples);
    }
}
