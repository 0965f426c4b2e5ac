package org.glowzip.codec.stream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.glowzip.codec.DecodeLimitException;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.SampleFormat;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.tile.TileCoder;

/**
 * Mutations of valid single images and streams of a small random model, so that decoding is
 * cheap: bit flips, byte changes, insertions, deletions, repeats and truncations, and, for a
 * fifth of them, changes inside a payload or header whose checksums are then recomputed (the
 * message's own and the chain after it), so that they pass the framing and reach the rANS
 * decoder. One stream switches coding parameters between blocks, so that mutants reach model
 * blocks too. Used by {@link FuzzTest} and, under a small heap, by {@link LowMemoryDecoder}.
 */
final class FuzzCorpus {
    /**
     * A small random model whose context model expects 0 (its logit raised by 40), so that it
     * codes black images in a few bits on any message and decodes them cheaply.
     */
    static final ImageCodec CODEC = new ImageCodec(RandomModels.expecting(
            RandomModels.withContext(new GlowConfig(2, 1, 4, CouplingType.AFFINE, 1, 8, 8), 7, 1, 8, 1.0), 0, 40),
            CodingParameters.DEFAULT, 200);

    /** A valid input and the images it holds. */
    record Original(byte[] bytes, boolean stream, List<Image> images) {
    }

    /** A mutated input; {@code resigned} when its checksums were recomputed after the change. */
    record Mutant(Original original, byte[] bytes, boolean resigned) {
    }

    /** What decoding a mutant gave. */
    enum Outcome {
        /** The original images. */
        EQUAL,
        /** Other images: only where the checksums were recomputed, so the bytes are a valid input. */
        OTHER_IMAGES,
        /** Refused by the framing: magic, versions, checksums, sizes, message framing. */
        MALFORMED,
        /** Refused by the rANS decoder: the payload did not pop into images that consume it exactly. */
        UNDECODABLE,
        /** Refused by the decode limit. */
        LIMIT
    }

    static final List<Original> ORIGINALS = originals();

    private FuzzCorpus() {
    }

    private static List<Original> originals() {
        List<Image> images = List.of(
                TestImages.image(8, 8, 1, "zero", 1),
                TestImages.image(3, 2, 1, "noise", 5),
                TestImages.image(2, 2, new SampleFormat(4, 16), "zero", 2).withMetadata(new byte[] {1, 2, 3, 4, 5}),
                TestImages.image(5, 4, SampleFormat.GRAY_ALPHA, "zero", 3).withMetadata(new byte[] {9}),
                TestImages.image(6, 6, SampleFormat.RGB, "gradient", 4),
                TestImages.image(7, 5, 1, "zero", 6));
        List<Original> originals = new ArrayList<>();
        for (Image image : images) {
            originals.add(new Original(CODEC.encode(image), false, List.of(image)));
        }
        originals.add(new Original(TestStreams.of(CODEC, images.toArray(Image[]::new)), true, images));
        originals.add(new Original(TestStreams.of(CODEC, images.get(0), images.get(5), images.get(0)), true,
                List.of(images.get(0), images.get(5), images.get(0))));
        List<Image> switching = List.of(images.get(0), images.get(4), images.get(5));
        originals.add(new Original(TestStreams.of(coarseForColour(), 200, switching.toArray(Image[]::new)), true, switching));
        return originals;
    }

    /** {@link #CODEC}'s model for every image, with coarser coding parameters for images of more than one plane: model blocks. */
    private static ModelChooser coarseForColour() {
        TileCoder usual = new TileCoder(CODEC.model(), CODEC.parameters());
        TileCoder coarse = new TileCoder(CODEC.model(), new CodingParameters(12, 14, 20, 4));
        return new ModelChooser() {
            @Override
            public TileCoder choose(Image image) {
                return image.planes() == 1 ? usual : coarse;
            }

            @Override
            public TileCoder forNoImages() {
                return usual;
            }
        };
    }

    /** True if the original holds a coded payload: a coded single image, or a stream with a coded block. */
    static boolean isCoded(Original original) {
        if (!original.stream()) {
            return (original.bytes()[SingleImageFormat.FLAGS_OFFSET] & SingleImageFormat.CODED) != 0;
        }
        List<Integer> starts = sections(original.bytes());
        return starts.subList(0, starts.size() - 2).stream().anyMatch(start -> original.bytes()[start] == StreamFormat.CODED);
    }

    /** One mutant of a random original; one in five resigned (their decoding costs most). */
    static Mutant mutate(SplittableRandom random) {
        Original original = ORIGINALS.get(random.nextInt(ORIGINALS.size()));
        byte[] bytes = original.bytes().clone();
        if (random.nextInt(5) == 0) {
            return new Mutant(original, original.stream() ? resignedStream(bytes, random) : resignedImage(bytes, random), true);
        }
        return new Mutant(original, blind(bytes, random), false);
    }

    private static byte[] blind(byte[] bytes, SplittableRandom random) {
        int at = random.nextInt(bytes.length);
        switch (random.nextInt(6)) {
            case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> bytes[at] = (byte) random.nextInt(256);
            case 2 -> {
                return Arrays.copyOf(bytes, at);
            }
            case 3 -> {
                byte[] longer = new byte[bytes.length + 1 + random.nextInt(8)];
                System.arraycopy(bytes, 0, longer, 0, at);
                for (int i = at; i < at + longer.length - bytes.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                System.arraycopy(bytes, at, longer, at + longer.length - bytes.length, bytes.length - at);
                return longer;
            }
            case 4 -> {
                int n = Math.min(bytes.length - at, 1 + random.nextInt(16));
                byte[] shorter = new byte[bytes.length - n];
                System.arraycopy(bytes, 0, shorter, 0, at);
                System.arraycopy(bytes, at + n, shorter, at, bytes.length - at - n);
                return shorter;
            }
            default -> {
                int n = Math.min(bytes.length - at, 1 + random.nextInt(32));
                byte[] repeated = new byte[bytes.length + n];
                System.arraycopy(bytes, 0, repeated, 0, at + n);
                System.arraycopy(bytes, at, repeated, at + n, bytes.length - at);
                return repeated;
            }
        }
        return bytes;
    }

    /** Changes one to three bytes after the flags, mostly in the payload, and recomputes the checksum. */
    private static byte[] resignedImage(byte[] bytes, SplittableRandom random) {
        int payload;
        try {
            payload = SingleImageHeader.read(bytes).payloadOffset();
        } catch (MalformedStreamException e) {
            throw new AssertionError(e);
        }
        int end = bytes.length - SingleImageFormat.CHECKSUM_SIZE;
        int from = random.nextInt(4) == 0 ? SingleImageFormat.PARAMETERS_OFFSET : payload;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            change(bytes, from + random.nextInt(end - from), random);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, end);
        ByteBuffer.wrap(bytes).putInt(end, (int) crc.getValue());
        return bytes;
    }

    /**
     * Changes one to three bytes of one block, mostly inside a coded payload's lanes, and
     * recomputes the chain from that block on.
     */
    private static byte[] resignedStream(byte[] bytes, SplittableRandom random) {
        List<Integer> starts = sections(bytes);
        int block = random.nextInt(starts.size() - 1); // a block or the end block
        int start = starts.get(block);
        int end = starts.get(block + 1) - StreamFormat.CHECKSUM_SIZE;
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        boolean coded = bytes[start] == StreamFormat.CODED;
        int payload = start + 1 + 16 + buffer.getInt(start + 13) + 4;
        int from = coded && random.nextInt(4) != 0 ? payload : start + 1;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            change(bytes, from + random.nextInt(end - from), random);
        }
        for (int s = block; s + 1 < starts.size(); s++) {
            int link = buffer.getInt(starts.get(s) - StreamFormat.CHECKSUM_SIZE);
            int sectionEnd = starts.get(s + 1) - StreamFormat.CHECKSUM_SIZE;
            CRC32C crc = new CRC32C();
            crc.update(ByteBuffer.allocate(4).putInt(link).array());
            crc.update(bytes, starts.get(s), sectionEnd - starts.get(s));
            buffer.putInt(sectionEnd, (int) crc.getValue());
        }
        return bytes;
    }

    private static void change(byte[] bytes, int at, SplittableRandom random) {
        bytes[at] = random.nextBoolean() ? (byte) (bytes[at] ^ (1 << random.nextInt(8))) : (byte) random.nextInt(256);
    }

    /** Offsets of a valid stream's blocks and end block, then its length. */
    private static List<Integer> sections(byte[] bytes) {
        List<Integer> starts = new ArrayList<>();
        StreamSections.of(bytes).starts().forEach(start -> starts.add((int) (long) start));
        starts.add(bytes.length);
        return starts;
    }

    /**
     * Decodes a mutant with {@code codec}.
     *
     * @throws AssertionError for any other outcome: another exception, or other images from bytes
     *         whose checksums were not recomputed
     */
    static Outcome decode(ImageCodec codec, Mutant mutant) {
        List<Image> decoded = new ArrayList<>();
        try {
            if (mutant.original().stream()) {
                try (GlowzipReader reader = codec.reader(new ByteArrayInputStream(mutant.bytes()))) {
                    for (Image image; (image = reader.read()) != null; ) {
                        decoded.add(image);
                    }
                }
            } else {
                decoded.add(codec.decode(mutant.bytes()));
            }
        } catch (DecodeLimitException e) {
            return Outcome.LIMIT;
        } catch (MalformedStreamException e) {
            if (e.offset() < 0 || e.offset() > mutant.bytes().length) {
                throw new AssertionError("offset " + e.offset() + " outside the input of " + mutant.bytes().length + " bytes", e);
            }
            return e.reason().startsWith("undecodable payload") || e.reason().startsWith("message not consumed exactly")
                    ? Outcome.UNDECODABLE : Outcome.MALFORMED;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (decoded.equals(mutant.original().images())) {
            return Outcome.EQUAL;
        }
        if (!mutant.resigned()) {
            throw new AssertionError("damaged bytes decoded to other images");
        }
        return Outcome.OTHER_IMAGES;
    }
}
