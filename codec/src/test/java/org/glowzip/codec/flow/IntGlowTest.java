package org.glowzip.codec.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.glowzip.codec.ans.Codec;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.ModelFileWriter;
import org.glowzip.codec.modelfile.PriorPhases;
import org.junit.jupiter.api.Test;

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
    private static final IntGlow CHECKERBOARD = new IntGlow(RandomModels.withCheckerboardDequantizer(
            RandomModels.of(new GlowConfig(2, 2, 8, CouplingType.AFFINE, 1, 8, 8), 21), 22, 0.3), CodingParameters.DEFAULT);
    private static final IntGlow CHECKERBOARD_FIRST_ONLY = new IntGlow(RandomModels.withDequantizer(
            RandomModels.of(new GlowConfig(2, 2, 8, CouplingType.AFFINE, 1, 8, 8), 21), 22, 0.3), CodingParameters.DEFAULT);
    /** Noise distributions so peaked that most bins hold the one slot every bin keeps. */
    private static final ModelFile PRIOR_QUARTERS_MODEL = RandomModels.withPriorPhases(
            RandomModels.of(new GlowConfig(2, 2, 8, CouplingType.AFFINE, 1, 8, 8), 25), PriorPhases.QUARTERS, 26, 0.3);
    private static final IntGlow PRIOR_QUARTERS = new IntGlow(PRIOR_QUARTERS_MODEL, CodingParameters.DEFAULT);
    /** The Glow of {@link #PRIOR_QUARTERS} without its first and third contexts: its priors code in two phases. */
    private static final IntGlow PRIOR_CHECKERBOARD = new IntGlow(ModelFileWriter.toModelFile(PRIOR_QUARTERS_MODEL.config(),
            PRIOR_QUARTERS_MODEL.tensors().values().stream().filter(t -> !t.name().contains(".context1.") && !t.name().contains(".context3."))
                    .toList()), CodingParameters.DEFAULT);
    private static final IntGlow PRIOR_BLIND = new IntGlow(
            RandomModels.of(new GlowConfig(2, 2, 8, CouplingType.AFFINE, 1, 8, 8), 25), CodingParameters.DEFAULT);
    private static final IntGlow MIXTURE_PRIOR_QUARTERS = new IntGlow(RandomModels.withPriorPhases(RandomModels.withCheckerboardDequantizer(
            RandomModels.of(new GlowConfig(3, 1, 8, CouplingType.MIXTURE, 1, 8, 8), 27), 28, 0.3), PriorPhases.QUARTERS, 29, 1.0),
            CodingParameters.DEFAULT);
    private static final IntGlow PEAKED = new IntGlow(RandomModels.withDequantizer(
            RandomModels.of(new GlowConfig(2, 1, 8, CouplingType.AFFINE, 2, 8, 8), 6), 7, 30.0), CodingParameters.DEFAULT);
    private static final IntGlow PEAKED_CHECKERBOARD = new IntGlow(RandomModels.withCheckerboardDequantizer(
            RandomModels.of(new GlowConfig(2, 1, 8, CouplingType.AFFINE, 2, 8, 8), 23), 24, 30.0), CodingParameters.DEFAULT);

    /** The border of the 1x8x8 tiles of these models, which an unconditioned Glow ignores. */
    private static final TileBorder NO_BORDER = TileBorder.none(1, 8, 8);

    /** The scale of the random condition weights: the condition moves a first layer's outputs by about 1. */
    private static final double CONDITION_SCALE = 0.3;
    /**
     * Glows of 1 and 2 channels, affine and mixture, with and without a variational dequantizer and
     * contexts in their priors, each three ways conditioned.
     */
    private static final List<Conditionings> CONDITIONINGS = List.of(
            Conditionings.of(RandomModels.of(new GlowConfig(2, 2, 8, CouplingType.AFFINE, 1, 8, 8), 11), 12),
            Conditionings.of(RandomModels.withDequantizer(
                    RandomModels.of(new GlowConfig(2, 2, 8, CouplingType.MIXTURE, 1, 8, 8), 13), 14, 0.3), 15),
            Conditionings.of(RandomModels.withDequantizer(
                    RandomModels.of(new GlowConfig(2, 1, 8, CouplingType.AFFINE, 2, 8, 8), 16), 17, 0.3), 18),
            Conditionings.of(RandomModels.of(new GlowConfig(2, 1, 8, CouplingType.MIXTURE, 2, 8, 8), 19), 20),
            Conditionings.of(RandomModels.withPriorPhases(
                    RandomModels.of(new GlowConfig(2, 1, 8, CouplingType.MIXTURE, 2, 8, 8), 30), PriorPhases.CHECKERBOARD, 31, 0.3), 32),
            Conditionings.of(RandomModels.withPriorPhases(
                    RandomModels.of(new GlowConfig(2, 1, 8, CouplingType.AFFINE, 2, 8, 8), 33), PriorPhases.QUARTERS, 34, 0.3), 35));

    /**
     * A Glow as its model file has it, with a border condition of all-zero weights, and with one
     * of random weights of scale {@code CONDITION_SCALE}.
     */
    private record Conditionings(IntGlow plain, IntGlow zero, IntGlow random) {
        static Conditionings of(ModelFile model, long seed) {
            return new Conditionings(new IntGlow(model, CodingParameters.DEFAULT),
                    new IntGlow(RandomModels.withCondition(model, seed, 0), CodingParameters.DEFAULT),
                    new IntGlow(RandomModels.withCondition(model, seed, CONDITION_SCALE), CodingParameters.DEFAULT));
        }

        int channels() {
            return plain.config().channels();
        }
    }

    /**
     * A tile of {@code glows}' shape, its border, and the opposite border: each side present where
     * {@code border} lacks it, with the same samples.
     */
    private record BorderedTile(Conditionings glows, byte[] tile, TileBorder border, TileBorder opposite) {
        @Override
        public String toString() {
            return glows.plain().config() + " tile " + Arrays.toString(tile) + " above " + border.hasAbove() + " left " + border.hasLeft();
        }
    }

    @Provide
    Arbitrary<byte[]> images() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofSize(64),
                Arbitraries.of((byte) 0, (byte) -1, (byte) 127).map(b -> filled(64, b)),
                Arbitraries.integers().between(0, 63).map(k -> gradient(k)));
    }

    @Property(tries = 300)
    void bitsBackPopReturnsTheTileAndTheMessage(@ForAll("images") byte[] image, @ForAll("glows") IntGlow glow,
            @ForAll("prefills") Message start) {
        checkRoundTrip(glow.bitsBack(NO_BORDER), image, start);
    }

    @Property(tries = 300)
    void popFreePopReturnsTheTileAndTheMessage(@ForAll("images") byte[] image, @ForAll("glows") IntGlow glow,
            @ForAll("prefills") Message start) {
        checkRoundTrip(glow.popFree(NO_BORDER), image, start);
    }

    @Property(tries = 100)
    void peakedVariationalNoiseRoundTripsTwoChannelTiles(@ForAll("pairs") byte[] image, @ForAll boolean checkerboard,
            @ForAll("prefills") Message start) {
        checkRoundTrip((checkerboard ? PEAKED_CHECKERBOARD : PEAKED).bitsBack(TileBorder.none(2, 8, 8)), image, start);
    }

    /** The checkerboard's second network is read: without it (the first network's posterior alone) a tile gets other bits. */
    @Property(tries = 50)
    void theCheckerboardsSecondNetworkChangesTheCode(@ForAll("images") byte[] image, @ForAll("prefills") Message start) {
        assertNotEquals(pushed(CHECKERBOARD.bitsBack(NO_BORDER), image, start), pushed(CHECKERBOARD_FIRST_ONLY.bitsBack(NO_BORDER), image, start));
    }

    /**
     * The priors' contexts are read: without the first and third (the same Glow's priors in two
     * phases), and without any (its priors alone), a tile gets other bits.
     */
    @Property(tries = 50)
    void thePriorsContextsChangeTheCode(@ForAll("images") byte[] image, @ForAll boolean bitsBack, @ForAll("prefills") Message start) {
        Message quarters = pushed(coding(PRIOR_QUARTERS, bitsBack, NO_BORDER), image, start);
        Message checkerboard = pushed(coding(PRIOR_CHECKERBOARD, bitsBack, NO_BORDER), image, start);
        assertNotEquals(quarters, checkerboard);
        assertNotEquals(checkerboard, pushed(coding(PRIOR_BLIND, bitsBack, NO_BORDER), image, start));
    }

    @Provide
    Arbitrary<byte[]> pairs() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofSize(128),
                Arbitraries.of((byte) 0, (byte) -1).map(b -> filled(128, b)));
    }

    @Property(tries = 300)
    void conditionedGlowsRoundTripEveryTileWhateverItsBorder(@ForAll("borderedTiles") BorderedTile t, @ForAll boolean bitsBack,
            @ForAll("prefills") Message start) {
        checkRoundTrip(coding(t.glows().random(), bitsBack, t.border()), t.tile(), start);
    }

    @Property(tries = 100)
    void aConditionOfZeroWeightsCodesLikeTheUnconditionedGlow(@ForAll("borderedTiles") BorderedTile t, @ForAll boolean bitsBack,
            @ForAll("prefills") Message start) {
        assertEquals(pushed(coding(t.glows().plain(), bitsBack, t.border()), t.tile(), start),
                pushed(coding(t.glows().zero(), bitsBack, t.border()), t.tile(), start));
    }

    /** The condition is read: borders that differ in which sides they have give a tile other bits. */
    @Property(tries = 100)
    void theBorderChangesTheCode(@ForAll("borderedTiles") BorderedTile t, @ForAll boolean bitsBack, @ForAll("prefills") Message start) {
        IntGlow glow = t.glows().random();
        assertNotEquals(pushed(coding(glow, bitsBack, t.border()), t.tile(), start),
                pushed(coding(glow, bitsBack, t.opposite()), t.tile(), start));
    }

    @Test
    void onlyGlowsWithConditionTensorsAreConditioned() {
        for (Conditionings glows : CONDITIONINGS) {
            assertFalse(glows.plain().conditioned());
            assertTrue(glows.zero().conditioned(), "all-zero weights are still a condition");
            assertTrue(glows.random().conditioned());
        }
        assertFalse(VARIATIONAL.conditioned());
    }

    /**
     * A tile pushed with one border and popped with another is refused (its values are not 8-bit
     * samples) or comes back other than the tile and the message as they were.
     */
    @Test
    void decodingWithAnotherBorderDoesNotReturnTheTile() {
        IntGlow glow = CONDITIONINGS.get(0).random();
        byte[] tile = gradient(5);
        TileBorder full = new TileBorder(1, 8, 8, filled(8, (byte) -1), filled(8, (byte) -1));
        Message start = prefilled(1000);
        for (boolean bitsBack : new boolean[] {true, false}) {
            Message message = pushed(coding(glow, bitsBack, full), tile, start);
            byte[] decoded;
            try {
                decoded = coding(glow, bitsBack, NO_BORDER).pop(message);
            } catch (IllegalArgumentException notSamples) {
                continue; // the decoded values are not 8-bit samples: noticed
            }
            assertFalse(Arrays.equals(tile, decoded) && message.equals(start), "bits-back " + bitsBack);
        }
    }

    private static void checkRoundTrip(Codec<byte[]> codec, byte[] image, Message start) {
        Message message = pushed(codec, image, start);
        assertArrayEquals(image, codec.pop(message));
        assertEquals(start, message);
    }

    /** A copy of {@code start} with {@code image} pushed on it. */
    private static Message pushed(Codec<byte[]> codec, byte[] image, Message start) {
        Message message = start.copy();
        codec.push(message, image);
        return message;
    }

    /** The glow's bits-back or pop-free coding of tiles whose border is {@code border}. */
    private static Codec<byte[]> coding(IntGlow glow, boolean bitsBack, TileBorder border) {
        return bitsBack ? glow.bitsBack(border) : glow.popFree(border);
    }

    @Provide
    Arbitrary<BorderedTile> borderedTiles() {
        return Arbitraries.of(CONDITIONINGS).flatMap(glows -> {
            int channels = glows.channels();
            Arbitrary<byte[]> side = Arbitraries.oneOf(
                    Arbitraries.bytes().array(byte[].class).ofSize(8 * channels),
                    Arbitraries.of((byte) 0, (byte) -1).map(b -> filled(8 * channels, b)));
            Arbitrary<Boolean> present = Arbitraries.of(true, false);
            return Combinators.combine(channels == 1 ? images() : pairs(), side, side, present, present)
                    .as((tile, above, left, hasAbove, hasLeft) -> new BorderedTile(glows, tile,
                            new TileBorder(channels, 8, 8, hasAbove ? above : null, hasLeft ? left : null),
                            new TileBorder(channels, 8, 8, hasAbove ? null : above, hasLeft ? null : left)));
        });
    }

    @Provide
    Arbitrary<IntGlow> glows() {
        return Arbitraries.of(AFFINE, ADDITIVE, NOISELESS, VARIATIONAL, CHECKERBOARD, MIXTURE, PRIOR_CHECKERBOARD, PRIOR_QUARTERS, MIXTURE_PRIOR_QUARTERS);
    }

    @Provide
    Arbitrary<Message> prefills() {
        return Arbitraries.integers().between(0, 3000).map(IntGlowTest::prefilled);
    }

    /** A message of {@code words} pushed 16-bit words. */
    private static Message prefilled(int words) {
        Message message = new Message();
        for (int i = 0; i < words; i++) {
            message.push((i * 7919) & 0xFFFF, 1, 16);
        }
        return message;
    }

    private static byte[] filled(int samples, byte value) {
        byte[] image = new byte[samples];
        Arrays.fill(image, value);
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
