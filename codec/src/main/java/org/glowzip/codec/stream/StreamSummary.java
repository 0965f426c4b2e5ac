package org.glowzip.codec.stream;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.glowzip.codec.image.SampleFormat;

/**
 * What a glowzip stream holds, read without decoding it (every checksum is still verified):
 * its header, its blocks and images, their sample formats, models and metadata, and its size.
 *
 * @param formats       images of each sample format, by format code
 * @param modelBlocks   model blocks: how often the stream switches models
 * @param models        images coded with each model (the header's and the model blocks'), in the
 *                      order the stream first names them; a model that codes no image is left out
 * @param metadataBytes metadata bytes of all images
 */
public record StreamSummary(StreamHeader header, long images, long samples, long codedBlocks, long rawBlocks, long modelBlocks,
        Map<SampleFormat, Long> formats, Map<StreamModel, Long> models, long metadataBytes, long bytes) {

    public static StreamSummary read(InputStream source) throws IOException {
        StreamParser parser = new StreamParser();
        StreamHeader header = null;
        long images = 0;
        long samples = 0;
        long coded = 0;
        long raw = 0;
        long switches = 0;
        long metadata = 0;
        Map<SampleFormat, Long> formats = new TreeMap<>((a, b) -> Integer.compare(a.code(), b.code()));
        Map<StreamModel, Long> models = new LinkedHashMap<>();
        while (!parser.finished()) {
            byte[] unit = source.readNBytes(parser.needed());
            if (unit.length < parser.needed()) {
                throw parser.truncated(unit.length);
            }
            StreamParser.Event event = parser.accept(unit);
            if (event instanceof StreamParser.Header h) {
                header = h.header();
            } else if (event instanceof StreamParser.Model) {
                switches++;
            } else if (event instanceof StreamParser.Block block) {
                images += block.table().images();
                samples += block.table().samples();
                metadata += block.table().metadataBytes();
                block.table().runs().forEach(run -> formats.merge(run.shape().format(), (long) run.count(), Long::sum));
                models.merge(block.model().model(), (long) block.table().images(), Long::sum);
                if (block.isRaw()) {
                    raw++;
                } else {
                    coded++;
                }
            }
        }
        if (source.read() >= 0) {
            throw parser.trailingData();
        }
        return new StreamSummary(header, images, samples, coded, raw, switches, Collections.unmodifiableMap(formats),
                Collections.unmodifiableMap(models), metadata, parser.offset());
    }

    /** Bits per sample of the whole stream, framing included. */
    public double bitsPerDimension() {
        return samples == 0 ? 0 : 8.0 * bytes / samples;
    }
}
