package org.glowzip.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.stream.GlowzipWriter;
import org.glowzip.codec.stream.ModelChooser;
import org.glowzip.codec.stream.StreamFormat;
import org.glowzip.codec.stream.TestImages;
import org.glowzip.codec.tile.TileCoder;
import org.glowzip.server.TestModels;
import org.junit.jupiter.api.Test;

class GlowDecoderTest {
    private static final ImageCodec CODEC = TestModels.CODEC;

    static byte[] stream(ImageCodec codec, List<Image> images) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GlowzipWriter writer = codec.writer(out)) {
            for (Image image : images) {
                writer.write(image);
            }
        }
        return out.toByteArray();
    }

    /** Feeds {@code bytes} in random slices of 1..maxSlice bytes and returns every inbound message. */
    static List<Object> feed(EmbeddedChannel channel, byte[] bytes, long seed, int maxSlice) {
        Random random = new Random(seed);
        List<Object> out = new ArrayList<>();
        int position = 0;
        while (position < bytes.length) {
            int n = Math.min(bytes.length - position, 1 + random.nextInt(maxSlice));
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, position, n));
            position += n;
            Object message;
            while ((message = channel.readInbound()) != null) {
                out.add(message);
            }
        }
        return out;
    }

    @Provide
    Arbitrary<List<Image>> imageLists() {
        return TestImages.images().list().ofMaxSize(20);
    }

    @Property(tries = 40)
    void decodesAnyStreamFedInRandomSlices(@ForAll("imageLists") List<Image> images, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 300) int maxSlice) throws IOException {
        byte[] bytes = stream(CODEC, images);
        EmbeddedChannel channel = new EmbeddedChannel(new GlowDecoder(TestModels.GRAY));
        List<Object> out = feed(channel, bytes, seed, maxSlice);
        List<Object> expected = new ArrayList<>(images);
        expected.add(new GlowStreamEnd(images.size()));
        assertEquals(expected, out);
        assertFalse(channel.finish());
    }

    @Property(tries = 100)
    void everyChangedByteIsAnError(@ForAll("imageLists") List<Image> images, @ForAll long seed) throws IOException {
        byte[] bytes = stream(CODEC, images);
        Random random = new Random(seed);
        int at = random.nextInt(bytes.length);
        bytes[at] ^= (byte) (1 + random.nextInt(255));
        GlowDecoder decoder = new GlowDecoder(TestModels.GRAY);
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        try {
            feed(channel, bytes, seed, 64);
            // a damaged count or length can make the stream look longer: then it is truncated at the close
            DecoderException e = assertThrows(DecoderException.class, channel::finish, "byte " + at);
            assertInstanceOf(MalformedStreamException.class, e.getCause());
        } catch (DecoderException e) {
            assertTrue(e.getCause() instanceof MalformedStreamException || e.getCause() instanceof LimitExceededException,
                    () -> "byte " + at + ": " + e.getCause());
            assertEquals(StreamUnpacker.State.CORRUPTED, decoder.state());
            while (channel.readInbound() != null) {
                // images of blocks before the damage are good and came out
            }
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[100])); // discarded, no second error
            assertNull(channel.readInbound());
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void truncatedStreamIsReportedWhenTheChannelCloses() throws IOException {
        byte[] bytes = stream(CODEC, TestModels.images(20, 1, false));
        for (int cut : new int[] {1, 48, 49, 50, 61, bytes.length - 13, bytes.length - 1}) {
            EmbeddedChannel channel = new EmbeddedChannel(new GlowDecoder(TestModels.GRAY));
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, cut));
            CorruptedFrameException e = assertThrows(CorruptedFrameException.class, channel::finish, "cut at " + cut);
            MalformedStreamException cause = assertInstanceOf(MalformedStreamException.class, e.getCause());
            assertTrue(cause.reason().startsWith("stream truncated in "), cause.reason());
            assertEquals(cut, cause.offset());
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void aChannelClosedBeforeAnyByteIsNoError() {
        EmbeddedChannel channel = new EmbeddedChannel(new GlowDecoder(TestModels.GRAY));
        assertFalse(channel.finish());
    }

    @Test
    void streamOfAnotherModelIsUnsupportedNotMalformed() throws IOException {
        byte[] bytes = stream(new ImageCodec(TestModels.OTHER), TestModels.images(2, 2, false));
        EmbeddedChannel channel = new EmbeddedChannel(new GlowDecoder(TestModels.GRAY));
        DecoderException e = assertThrows(DecoderException.class, () -> channel.writeInbound(Unpooled.wrappedBuffer(bytes)));
        UnsupportedStreamException cause = assertInstanceOf(UnsupportedStreamException.class, e.getCause());
        assertEquals(9, cause.offset());
        assertTrue(cause.getMessage().contains("stream was coded with model " + TestModels.OTHER.fingerprintHex().substring(0, 16)),
                cause.getMessage());
    }

    @Test
    void picksTheModelByFingerprint() throws IOException {
        List<Image> images = TestModels.images(3, 3, true);
        byte[] bytes = stream(new ImageCodec(TestModels.OTHER), images);
        EmbeddedChannel channel = new EmbeddedChannel(new GlowDecoder(List.of(TestModels.GRAY, TestModels.OTHER), DecodeLimits.FORMAT));
        List<Object> out = feed(channel, bytes, 5, 100);
        assertEquals(images, out.subList(0, 3));
        assertEquals(new GlowStreamEnd(3), out.get(3));
    }

    @Test
    void aModelBlockNamingAModelNotLoadedIsUnsupportedWhereItNamesIt() throws IOException {
        List<Image> images = TestModels.images(4, 3, false);
        TileCoder gray = new TileCoder(TestModels.GRAY, CodingParameters.DEFAULT);
        TileCoder other = new TileCoder(TestModels.OTHER, CodingParameters.DEFAULT);
        ModelChooser lastTwoOther = new ModelChooser() {
            @Override
            public TileCoder choose(Image image) {
                return images.indexOf(image) < 2 ? gray : other;
            }

            @Override
            public TileCoder forNoImages() {
                return gray;
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GlowzipWriter writer = new GlowzipWriter(out, lastTwoOther, TestModels.BLOCK_SAMPLES)) {
            for (Image image : images) {
                writer.write(image);
            }
        }
        byte[] bytes = out.toByteArray();
        List<Object> both = feed(new EmbeddedChannel(new GlowDecoder(List.of(TestModels.GRAY, TestModels.OTHER), DecodeLimits.FORMAT)), bytes, 3, 200);
        assertEquals(images, both.subList(0, 4));

        StreamUnpacker grayAlone = new StreamUnpacker(List.of(TestModels.CODEC), DecodeLimits.FORMAT);
        List<Image> decoded = new ArrayList<>();
        int position = 0;
        UnsupportedStreamException e = null;
        while (e == null) {
            int n = grayAlone.needed();
            try {
                decoded.addAll(grayAlone.accept(java.util.Arrays.copyOfRange(bytes, position, position + n)));
            } catch (UnsupportedStreamException unsupported) {
                e = unsupported;
            }
            position += n;
        }
        assertEquals(images.subList(0, 2), decoded, "the images before the model block");
        assertEquals(position - 40, e.offset(), "the model block's fingerprint");
        assertEquals(bytes[position - 45], StreamFormat.MODEL);
        assertTrue(e.getMessage().contains("stream was coded with model " + TestModels.OTHER.fingerprintHex().substring(0, 16)), e.getMessage());
        assertEquals(StreamUnpacker.State.CORRUPTED, grayAlone.state());
    }

    @Test
    void imageOverThePixelLimitIsRefusedBeforeItsPayloadArrives() throws IOException {
        Image big = TestModels.images(1, 4, false).get(0); // 28 x 28
        byte[] bytes = stream(CODEC, List.of(big));
        EmbeddedChannel channel = new EmbeddedChannel(new GlowDecoder(List.of(TestModels.GRAY), new DecodeLimits(28 * 27, 1 << 20, 1 << 20)));
        int tableEnd = StreamFormat.HEADER_SIZE + 1 + 16 + 17;
        DecoderException e = assertThrows(DecoderException.class, () -> channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, tableEnd)));
        LimitExceededException cause = assertInstanceOf(LimitExceededException.class, e.getCause());
        assertEquals("limit exceeded at byte 66: image of 28x28 pixels exceeds the limit of 756 pixels", cause.getMessage());
    }

    @Test
    void streamOverTheStreamLimitIsRefused() throws IOException {
        byte[] bytes = stream(CODEC, TestModels.images(20, 4, false));
        EmbeddedChannel channel = new EmbeddedChannel(new GlowDecoder(List.of(TestModels.GRAY), new DecodeLimits(1 << 20, 1 << 20, 10 * 784)));
        DecoderException e = assertThrows(DecoderException.class, () -> feed(channel, bytes, 1, 1000));
        assertTrue(e.getCause().getMessage().contains("stream exceeds the limit of 7840 samples"), e.getCause().getMessage());
    }

    @Test
    void absurdLengthsAreRangeCheckedWithUniformMessages() throws IOException {
        byte[] bytes = stream(CODEC, TestModels.images(1, 5, false));
        assertMalformed(patch(bytes, 49, 7), "malformed input at byte 49: unknown block type 7");
        assertMalformed(patch(bytes, 54, 0x7F, 0xFF, 0xFF, 0xFF), "malformed input at byte 54: block image count 2147483647 outside 1..65536");
        assertMalformed(patch(bytes, 54, 0, 0, 0, 0), "malformed input at byte 54: block image count 0 outside 1..65536");
        assertMalformed(patch(bytes, 58, 0, 0, 0, 2), "malformed input at byte 58: image run count 2 outside 1..1");
        assertMalformed(patch(bytes, 66, 0, 0, 0, 2), "malformed input at byte 66: image run of 2 where 1 images remain");
        assertMalformed(patch(bytes, 70, 0, 1, 0, 1), "malformed input at byte 70: image size 65537x28 outside 1..65536");
        assertMalformed(patch(bytes, 78, 5), "malformed input at byte 78: sample format 5 is none of 1-4 channels of 8 bits (1-4) or 16 bits (17-20)");
        assertMalformed(patch(bytes, 50, 0, 0, 0, 1), "malformed input at byte 50: block number 1 where block 0 belongs: blocks reordered, duplicated or dropped");
        int type = bytes[49];
        long samples = 784;
        String kind = type == 2 ? "raw" : "coded";
        assertMalformed(patch(bytes, 83, 0x10, 0, 0, 0), "malformed input at byte 83: payload length 268435456 does not fit a "
                + kind + " block of " + samples + " samples");
        assertMalformed(patch(bytes, 0, 'X'), "malformed input at byte 0: not a glowzip stream (bad magic)");
    }

    @Test
    void aDamagedVersionIsMalformedAndAnotherVersionUnsupported() throws IOException {
        byte[] bytes = stream(CODEC, TestModels.images(1, 10, false));
        assertMalformed(patch(bytes, 8, StreamFormat.VERSION + 1), "malformed input at byte 45: header checksum mismatch");
        int unread = StreamFormat.VERSION + 1;
        byte[] version2 = patch(bytes, 8, unread);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(version2, 0, 45);
        int value = (int) crc.getValue();
        version2 = patch(version2, 45, value >>> 24, value >>> 16, value >>> 8, value);
        EmbeddedChannel channel = new EmbeddedChannel(new GlowDecoder(TestModels.GRAY));
        byte[] v2 = version2;
        DecoderException e = assertThrows(DecoderException.class, () -> channel.writeInbound(Unpooled.wrappedBuffer(v2)));
        assertEquals("unsupported stream at byte 8: stream format version " + unread + ", this decoder reads 2 to " + StreamFormat.VERSION,
                e.getCause().getMessage());
        channel.finishAndReleaseAll();
    }

    @Test
    void dataAfterTheEndBlockIsAnError() throws IOException {
        byte[] bytes = stream(CODEC, TestModels.images(2, 6, false));
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        EmbeddedChannel channel = new EmbeddedChannel(new GlowDecoder(TestModels.GRAY));
        CorruptedFrameException e = assertThrows(CorruptedFrameException.class, () -> channel.writeInbound(Unpooled.wrappedBuffer(longer)));
        assertEquals("malformed input at byte " + bytes.length + ": data after the end block", e.getMessage());
        channel.finishAndReleaseAll();
    }

    @Test
    void encoderOutputIsTheCodecsStreamAndDecodesBack() throws IOException {
        List<Image> images = TestModels.images(30, 7, true);
        EmbeddedChannel encoder = new EmbeddedChannel(new GlowEncoder(CODEC));
        for (Image image : images) {
            encoder.writeOutbound(image);
        }
        encoder.writeOutbound(new GlowStreamEnd(0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuf buf;
        int buffers = 0;
        while ((buf = encoder.readOutbound()) != null) {
            byte[] chunk = new byte[buf.readableBytes()];
            buf.readBytes(chunk);
            buf.release();
            out.write(chunk);
            buffers++;
        }
        assertTrue(buffers > 2, "blocks are written as they fill: " + buffers + " buffers");
        assertArrayEquals(stream(CODEC, images), out.toByteArray());
        EmbeddedChannel decoder = new EmbeddedChannel(new GlowDecoder(TestModels.GRAY));
        List<Object> decoded = feed(decoder, out.toByteArray(), 8, 500);
        assertEquals(images, decoded.subList(0, images.size()));
    }

    @Test
    void closingTheChannelFinishesTheEncodersStream() throws IOException {
        List<Image> images = TestModels.images(3, 9, false);
        EmbeddedChannel encoder = new EmbeddedChannel(new GlowEncoder(CODEC));
        images.forEach(encoder::writeOutbound);
        encoder.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuf buf;
        while ((buf = encoder.readOutbound()) != null) {
            byte[] chunk = new byte[buf.readableBytes()];
            buf.readBytes(chunk);
            buf.release();
            out.write(chunk);
        }
        assertArrayEquals(stream(CODEC, images), out.toByteArray());
    }

    private static byte[] patch(byte[] bytes, int at, int... values) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < values.length; i++) {
            copy[at + i] = (byte) values[i];
        }
        return copy;
    }

    private static void assertMalformed(byte[] bytes, String message) {
        EmbeddedChannel channel = new EmbeddedChannel(new GlowDecoder(TestModels.GRAY));
        DecoderException e = assertThrows(DecoderException.class, () -> feed(channel, bytes, 3, 7));
        assertEquals(message, e.getCause().getMessage());
        channel.finishAndReleaseAll();
    }
}
