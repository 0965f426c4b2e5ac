package org.glowzip.codec.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.image.Image;

/** Complete glowzip streams for tests, now that {@code ImageCodec.encode} writes the single-image form. */
public final class TestStreams {
    private TestStreams() {
    }

    /** A stream of {@code images}, in order, written by {@code codec}'s writer. */
    public static byte[] of(ImageCodec codec, Image... images) {
        return written(codec::writer, images);
    }

    /** A stream of {@code images}, in order, each coded with the tile coder {@code models} picks, in blocks of {@code blockSamples}. */
    public static byte[] of(ModelChooser models, long blockSamples, Image... images) {
        return written(out -> new GlowzipWriter(out, models, blockSamples), images);
    }

    /** How a test's writer is made onto a stream. */
    private interface WriterOnto {
        GlowzipWriter open(OutputStream out) throws IOException;
    }

    private static byte[] written(WriterOnto writerOnto, Image... images) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GlowzipWriter writer = writerOnto.open(out)) {
            for (Image image : images) {
                writer.write(image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    /** The fingerprint, in hexadecimal, of the model that coded each image of {@code stream}, in order. */
    public static List<String> modelOfEachImage(byte[] stream) {
        List<String> models = new ArrayList<>();
        parse(stream, (event, end) -> {
            if (event instanceof StreamParser.Block block) {
                models.addAll(Collections.nCopies(block.table().images(), block.model().model().fingerprintHex()));
            }
        });
        return models;
    }

    /** Parses the valid {@code stream}, giving each event of its parser and the stream offset where the event's bytes end. */
    public static void parse(byte[] stream, BiConsumer<StreamParser.Event, Integer> each) {
        StreamParser parser = new StreamParser();
        int position = 0;
        try {
            while (!parser.finished()) {
                int n = parser.needed();
                StreamParser.Event event = parser.accept(Arrays.copyOfRange(stream, position, position + n));
                position += n;
                each.accept(event, position);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
