package org.glowzip.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.stream.GlowzipForm;
import org.junit.jupiter.api.Test;

/**
 * The measured rates name the bundled model files they were measured with: a model retrained
 * without measuring its rates again fails here, and so does a bundled model without a rate.
 */
class MeasuredRatesTest {
    private static final ModelSet BUNDLED = ModelSet.bundled();
    private static final String FINGERPRINT = "0123456789abcdef".repeat(4);

    @Test
    void eachRateNamesTheFingerprintOfTheBundledModelFileOfItsName() {
        for (MeasuredRate rate : MeasuredRates.bundled()) {
            int index = BUNDLED.names().indexOf(rate.model());
            assertTrue(index >= 0, rate.model() + " is no bundled model: " + BUNDLED.names());
            assertEquals(BUNDLED.codecs().get(index).model().fingerprintHex(), rate.fingerprint(),
                    rate.model() + " is not the model file its rates were measured with: measure them again");
        }
    }

    @Test
    void everyBundledModelHasARateInEachFormAtMostOnce() {
        for (int i = 0; i < BUNDLED.names().size(); i++) {
            String name = BUNDLED.names().get(i);
            List<MeasuredRate> rates = MeasuredRates.of(BUNDLED.codecs().get(i).model());
            assertFalse(rates.isEmpty(), name + " has no measured rate");
            assertEquals(rates.size(), rates.stream().map(MeasuredRate::form).distinct().count(), name + " has two rates of one form");
            rates.forEach(rate -> assertEquals(name, rate.model()));
        }
    }

    @Test
    void aModelThatIsNotBundledHasNoRate() {
        assertEquals(List.of(), MeasuredRates.of(RandomModels.of(new GlowConfig(1, 1, 4, CouplingType.AFFINE, 1, 8, 8), 1)));
    }

    @Test
    void aTableIsItsHeaderAfterTheCommentsThenARowPerRate() {
        List<MeasuredRate> rates = MeasuredRates.parse(List.of("# a comment", "#", MeasuredRates.HEADER,
                "m\t" + FINGERPRINT + "\tSTREAM\t2.5\tsome images\tbench/results/r.txt\tglowzip bench",
                "m\t" + FINGERPRINT + "\tSINGLE_IMAGE\t3.25\tthe same, each alone\tbench/results/r.txt\tglowzip bench --per-image"));
        assertEquals(List.of(new MeasuredRate("m", FINGERPRINT, GlowzipForm.STREAM, 2.5, "some images", "bench/results/r.txt", "glowzip bench"),
                new MeasuredRate("m", FINGERPRINT, GlowzipForm.SINGLE_IMAGE, 3.25, "the same, each alone", "bench/results/r.txt",
                        "glowzip bench --per-image")), rates);
    }

    @Test
    void aMalformedTableIsRefusedAtItsLine() {
        String good = "m\t" + FINGERPRINT + "\tSTREAM\t2.5\timages\tr.txt\tglowzip bench";
        assertRefused("line 2: the header must be", "# comment", "model fingerprint form");
        assertRefused("line 1: the header must be");
        assertRefused("line 3: 6 columns, not 7", MeasuredRates.HEADER, good, good.substring(0, good.lastIndexOf('\t')));
        assertRefused("line 2: a fingerprint is 64 lower-case hex digits", MeasuredRates.HEADER, good.replace(FINGERPRINT, "01ab"));
        assertRefused("line 2: No enum constant", MeasuredRates.HEADER, good.replace("STREAM", "stream"));
        assertRefused("line 2: bits per sample outside (0, 16]", MeasuredRates.HEADER, good.replace("2.5", "0"));
        assertRefused("line 2: For input string", MeasuredRates.HEADER, good.replace("2.5", "2,5"));
    }

    private static void assertRefused(String reason, String... lines) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeasuredRates.parse(List.of(lines)));
        assertTrue(e.getMessage().startsWith(reason), e.getMessage());
    }
}
