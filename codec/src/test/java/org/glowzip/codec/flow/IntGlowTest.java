package org.glowzip.codec.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.glowzip.codec.ans.Codec;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;

class IntGlowTest {
    private static final IntGlow AFFINE = new IntGlow(
            RandomModels.of(new GlowConfig(2, 2, 8, CouplingType.AFFINE, 1, 8, 8), 1), CodingParameters.DEFAULT);
    private static final IntGlow ADDITIVE = new IntGlow(
            RandomModels.of(new GlowConfig(3, 1, 4, CouplingType.ADDITIVE, 1, 8, 8), 2), new CodingParameters(12, 12, 16, 2));
    private static final IntGlow NOISELESS = new IntGlow(
            RandomModels.of(new GlowConfig(2, 2, 8, CouplingType.AFFINE, 1, 8, 8), 3), new CodingParameters(8, 16, 24, 8));
    private static final IntGlow VARIATIONAL = new IntGlow(RandomModels.withDequantizer(
            RandomModels.of(new GlowConfig(2, 2, 8, CouplingType.AFFINE, 1, 8, 8), 4), 5, 0.3), CodingParameters.DEFAULT);
    private static final IntGlow MIXTURE = new IntGlow(RandomModels.withDequantizer(
            RandomModels.of(new GlowConfig(2, 2, 8, CouplingType.MIXTURE, 1, 8, 8), 8), 9, 0.3), CodingParameters.DEFAULT);
    /** Noise distributions so peaked that most bins hold the one slot every bin keeps. */
    private static final IntGlow PEAKED = new IntGlow(RandomModels.withDequantizer(
            RandomModels.of(new GlowConfig(2, 1, 8, CouplingType.AFFINE, 2, 8, 8), 6), 7, 30.0), CodingParameters.DEFAULT);

    @Provide
    Arbitrary<byte[]> images() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofSize(64),
                Arbitraries.of((byte) 0, (byte) -1, (byte) 127).map(b -> filled(b)),
                Arbitraries.integers().between(0, 63).map(k -> gradient(k)));
    }

    @Property(tries = 300)
    void bitsBackPopReturnsTheTileAndTheMessage(@ForAll("images") byte[] image, @ForAll("glows") IntGlow glow,
            @ForAll("prefills") Message start) {
        checkRoundTrip(glow.bitsBack(), image, start);
    }

    @Property(tries = 300)
    void popFreePopReturnsTheTileAndTheMessage(@ForAll("images") byte[] image, @ForAll("glows") IntGlow glow,
            @ForAll("prefills") Message start) {
        checkRoundTrip(glow.popFree(), image, start);
    }

    @Property(tries = 100)
    void peakedVariationalNoiseRoundTripsTwoChannelTiles(@ForAll("pairs") byte[] image, @ForAll("prefills") Message start) {
        checkRoundTrip(PEAKED.bitsBack(), image, start);
    }

    @Provide
    Arbitrary<byte[]> pairs() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofSize(128),
                Arbitraries.of((byte) 0, (byte) -1).map(b -> {
                    byte[] image = new byte[128];
                    java.util.Arrays.fill(image, b);
                    return image;
                }));
    }

    private static void checkRoundTrip(Codec<byte[]> codec, byte[] image, Message start) {
        Message message = start.copy();
        codec.push(message, image);
        assertArrayEquals(image, codec.pop(message));
        assertEquals(start, message);
    }

    @Provide
    Arbitrary<IntGlow> glows() {
        return Arbitraries.of(AFFINE, ADDITIVE, NOISELESS, VARIATIONAL, MIXTURE);
    }

    @Provide
    Arbitrary<Message> prefills() {
        return Arbitraries.integers().between(0, 3000).map(n -> {
            Message message = new Message();
            for (int i = 0; i < n; i++) {
                message.push((i * 7919) & 0xFFFF, 1, 16);
            }
            return message;
        });
    }

    private static byte[] filled(byte value) {
        byte[] image = new byte[64];
        java.util.Arrays.fill(image, value);
        return image;
    }

    private static byte[] gradient(int k) {
        byte[] image = new byte[64];
        for (int i = 0; i < 64; i++) {
            image[i] = (byte) (i * k);
        }
        return image;
    }
}
