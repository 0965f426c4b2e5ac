package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * 10^5 mutations of valid single images and streams ({@link FuzzCorpus}): each decodes to its
 * original images, is refused with {@link org.glowzip.codec.MalformedStreamException} (or its
 * limit subclass), or, where its checksums were recomputed and so the bytes are valid, decodes to
 * other images; nothing else. Prints the outcome counts, and checks that a good part of the
 * resigned mutants were refused by the rANS decoder.
 */
class FuzzTest {
    static final int TRIES = 25;
    static final int MUTANTS_PER_TRY = 4_000;
    private static final Map<FuzzCorpus.Outcome, Long> OUTCOMES = new EnumMap<>(FuzzCorpus.Outcome.class);
    private static long resigned;

    @Property(tries = TRIES)
    void mutantsDecodeOrAreRefused(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<FuzzCorpus.Outcome, Long> outcomes = new EnumMap<>(FuzzCorpus.Outcome.class);
        long signed = 0;
        for (int i = 0; i < MUTANTS_PER_TRY; i++) {
            FuzzCorpus.Mutant mutant = FuzzCorpus.mutate(random);
            outcomes.merge(FuzzCorpus.decode(FuzzCorpus.CODEC, mutant), 1L, Long::sum);
            signed += mutant.resigned() ? 1 : 0;
        }
        synchronized (OUTCOMES) {
            outcomes.forEach((outcome, count) -> OUTCOMES.merge(outcome, count, Long::sum));
            resigned += signed;
        }
    }

    @AfterContainer
    static void report() {
        long total = OUTCOMES.values().stream().mapToLong(Long::longValue).sum();
        long undecodable = OUTCOMES.getOrDefault(FuzzCorpus.Outcome.UNDECODABLE, 0L);
        System.out.println("fuzz: " + total + " mutants, " + resigned + " with recomputed checksums; outcomes " + OUTCOMES);
        assertTrue(total >= (long) TRIES * MUTANTS_PER_TRY, "every try ran: " + total);
        assertTrue(undecodable >= resigned / 5, "at least a fifth of the resigned mutants are refused by the rANS decoder: " + undecodable);
        assertTrue(FuzzCorpus.ORIGINALS.stream().filter(FuzzCorpus::isCoded).count() >= 4, "most originals are coded");
    }
}
