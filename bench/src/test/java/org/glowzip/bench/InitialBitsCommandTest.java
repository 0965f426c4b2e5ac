package org.glowzip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.image.Canvas;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.tile.TileCoder;
import org.junit.jupiter.api.Test;

/** {@code glowzip initial-bits}: what images cost alone, and what they cost one after another on a funded lane. */
class InitialBitsCommandTest {
    private static final int IMAGES = 12;

    @Test
    void theFundedRateIsWhatOneFundedMessageGrowsByCarryingAllTheImages() throws Exception {
        Cli.Run run = Cli.run("initial-bits", "--limit", String.valueOf(IMAGES));
        assertEquals(0, run.exit(), run.toString());
        String[] row = run.out().lines().toList().get(1).trim().split("\\s+");
        double alone = Double.parseDouble(row[3]);
        double funded = Double.parseDouble(row[4]);

        List<Image> images = DataOption.images(null).subList(0, IMAGES);
        ImageCodec codec = ImageCodec.bundled();
        TileCoder coder = new TileCoder(codec.model(), codec.parameters());
        Message lane = InitialBitsCommand.funded();
        long before = lane.bitLength();
        for (Image image : images) {
            coder.push(lane, Canvas.of(image.samples(), 1, image.height(), image.width()));
        }
        assertEquals((lane.bitLength() - before) / (IMAGES * 784.0), funded, 0.5e-4, "the lane's growth, not a sum of whole words an image");
        assertTrue(funded < alone, funded + " funded, " + alone + " alone");
    }
}
