package org.glowzip.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.glowzip.codec.image.SampleFormat;
import org.glowzip.codec.stream.TestImages;
import org.junit.jupiter.api.Test;

/** The per-image forms give a model column after each codec that names the model of each image, and none after the others. */
class PerImageTableTest {
    private static final List<BenchImage> IMAGES = List.of(
            new BenchImage("leaf", TestImages.image(4, 2, SampleFormat.GRAY, "noise", 1), null),
            new BenchImage("sky", TestImages.image(2, 2, SampleFormat.RGB, "noise", 2), null),
            new BenchImage("wall", TestImages.image(2, 1, SampleFormat.GRAY, "noise", 3), null));
    private static final PerImageCodec PLAIN = codec("plain", PerImageCodec.ModelNamer.NONE);
    private static final PerImageCodec PICKER = codec("picker", bytes -> "unused");
    private static final PerImageResults RESULTS = new PerImageResults(IMAGES, List.of(
            new CodecRun(PLAIN, new long[] {4, 6, 1}, new String[3], 22, 1, 1, true),
            new CodecRun(PICKER, new long[] {2, 3}, new String[] {"model-a", "long-model-b"}, 20, 1, 1, true)), "picker", "plain");

    private static PerImageCodec codec(String name, PerImageCodec.ModelNamer namer) {
        return new PerImageCodec(name, "s", List.of(), image -> null, (bytes, image) -> true, namer);
    }

    @Test
    void theTableHasAModelColumnAfterTheCodecThatNamesModels() {
        List<String> lines = PerImageTable.table(RESULTS).lines().toList();
        assertEquals(List.of(
                "image size            plain  picker model         picker < plain",
                "leaf  4x2x1          4.0000  2.0000 model-a       yes",
                "sky   2x2x3          4.0000  2.0000 long-model-b  yes",
                "wall  2x1x1          4.0000       - -             -"), lines.subList(0, 4));
        assertEquals("bits per sample, mean over images", lines.get(5));
    }

    @Test
    void tsvHasTheModelColumnToo() {
        List<String> lines = PerImageTable.tsv(RESULTS).lines().toList();
        assertEquals(List.of(
                "image\twidth\theight\tchannels\tplain\tpicker\tmodel\tpicker<plain",
                "leaf\t4\t2\t1\t4.0000\t2.0000\tmodel-a\tyes",
                "sky\t2\t2\t3\t4.0000\t2.0000\tlong-model-b\tyes",
                "wall\t2\t1\t1\t4.0000\t-\t-\t-",
                "",
                "codec\tsetting\tmean gray\timages gray\tmean RGB\timages RGB\tenc_samples_s\tdec_samples_s\tverified"), lines.subList(0, 6));
    }

    @Test
    void jsonNamesEachImagesModelByCodec() {
        String json = PerImageTable.json(RESULTS);
        assertEquals(true, json.contains("\"bits_per_sample\": {\"plain\": 4.0000, \"picker\": 2.0000}, \"models\": {\"picker\": \"model-a\"},"
                + " \"smaller_than_reference\": true}"), json);
        assertEquals(true, json.contains("\"models\": {\"picker\": null}, \"smaller_than_reference\": null}"), json);
    }
}
