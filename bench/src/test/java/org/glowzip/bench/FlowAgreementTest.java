package org.glowzip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.glowzip.bench.compare.ModelLikelihood;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.ans.Codec;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.ans.Uniform;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.IntGlow;
import org.glowzip.codec.flow.TileBorder;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.ModelFile;
import org.junit.jupiter.api.Test;

/**
 * The integer flow codes what the float Glow scores: on the bundled 1,000-image sample, the
 * bits-back codelength of the bundled Glow, on a message that can lend its noise, agrees with its
 * float negative log-likelihood.
 */
class FlowAgreementTest {

    @Test
    void bitsBackCodelengthMatchesTheFloatLikelihood() throws Exception {
        ModelFile bundled = ImageCodec.bundled().model();
        List<Image> images = DataOption.images(null);
        double nll = ModelLikelihood.row(bundled, images).bpd();

        Codec<byte[]> bitsBack = new IntGlow(bundled, CodingParameters.DEFAULT).bitsBack(TileBorder.none(1, 28, 28));
        Message message = new Message();
        SplittableRandom random = new SplittableRandom(1);
        Uniform word = Uniform.ofBits(16);
        for (int i = 0; i < 4096; i++) {
            word.pushInt(message, random.nextInt(1 << 16));
        }
        long bits = 0;
        long samples = 0;
        for (Image image : images) {
            long before = message.bitLength();
            bitsBack.push(message, image.samples());
            bits += message.bitLength() - before;
            samples += image.sampleCount();
        }
        double coded = (double) bits / samples;
        System.out.printf("bundled Glow on %d images: float NLL %.4f bpd, integer bits-back %.4f bpd%n", images.size(), nll, coded);
        assertEquals(1000, images.size());
        assertEquals(nll, coded, 0.02);
    }
}
