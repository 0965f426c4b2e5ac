package org.glowzip.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glowzip.bench.io.InputFiles;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.ModelSet;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.stream.GlowzipForm;
import org.glowzip.codec.stream.GlowzipReader;
import org.glowzip.codec.stream.SingleImageFormat;
import org.glowzip.codec.stream.SingleImageHeader;
import org.glowzip.codec.stream.StreamSummary;
import org.glowzip.codec.tile.TileCoding;
import org.glowzip.codec.tile.TileTally;
import org.glowzip.server.http.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code glowzip info}: what a single image or a stream holds. Every checksum (each block's, or
 * the single image's), the framing, the shapes and the end block's image count are verified
 * before anything is printed, so a damaged file fails (exit 3) instead of being described. It
 * counts the images each model coded (a stream may switch models between blocks), naming each by
 * its name in the bundled set or {@code -m}'s file name, or else by its fingerprint's first bytes.
 * With {@code --modes} it also decodes the payloads with the models the file names and counts the
 * tiles each coding coded, since the coding of a tile is inside the message; a model-sized image
 * is one tile.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the form (single image or stream), model fingerprint, coding parameters, images (per model too), sizes and bpd;"
                + " with --modes also how many tiles each coding (glow-bits-back, glow-pop-free, context, raw) coded.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Mixin
    ModelOption modelOption;

    @Parameters(paramLabel = "IN.glz", description = "Single-image or stream file, or - for stdin.")
    String input;

    @Option(names = "--modes", description = "Decode the file and count the tiles each coding coded.")
    boolean modes;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    enum Format { table, json }

    @Override
    public Integer call() throws Exception {
        Report report = new Report();
        ModelSet models = modelOption.models();
        try (InputStream file = new BufferedInputStream(InputFiles.open(input))) {
            byte[] bytes = modes ? file.readAllBytes() : null; // decoding reads the file a second time; otherwise it streams
            InputStream in = bytes == null ? file : new BufferedInputStream(new ByteArrayInputStream(bytes));
            if (GlowzipForm.of(in) == GlowzipForm.SINGLE_IMAGE) {
                describeSingle(SingleImageHeader.read(SingleImageFormat.readAll(in)), models, report);
            } else {
                describeStream(StreamSummary.read(in), models, report);
            }
            if (modes) {
                report.modes(tally(models, bytes));
            }
        } catch (MalformedStreamException e) {
            throw InputFiles.named(input, e);
        }
        System.out.print(format == Format.json ? report.json + "\n" : report.text);
        return 0;
    }

    /** How many tiles each coding coded in {@code bytes}, decoded with the models of {@code set} they name. */
    private static TileTally tally(ModelSet set, byte[] bytes) throws Exception {
        ModelSet models = set.withMaxDecodeSamples(ImageCodec.heapSizedDecodeLimit());
        TileTally tally = new TileTally();
        if (GlowzipForm.of(bytes) == GlowzipForm.SINGLE_IMAGE) {
            models.codecOf(bytes).decode(bytes, tally);
            return tally;
        }
        try (GlowzipReader reader = models.reader(new BufferedInputStream(new ByteArrayInputStream(bytes)))) {
            for (Image image = reader.read(); image != null; image = reader.read()) {
                // every block is decoded and checked; the tally counts its tiles
            }
            return reader.tally();
        }
    }

    private static void describeSingle(SingleImageHeader image, ModelSet models, Report report) {
        report.add("form", "form", "single image");
        report.add("format version", "version", image.version());
        report.add("model", "model", image.fingerprintHex() + "... (fingerprint prefix)");
        describeCoding(image.parameters(), report);
        report.add("image", "image", image.width() + "x" + image.height() + " " + image.format());
        report.models(Map.of(modelName(models, image.fingerprintPrefix()), 1L));
        report.add("metadata bytes", "metadataBytes", image.metadata().length);
        report.add("payload", "payload", image.coded() ? "coded" : "raw");
        report.add("payload bytes", "payloadBytes", image.payloadLength());
        report.add("samples", "samples", image.samples());
        report.add("bytes", "bytes", image.bytes());
        report.add("bpd", "bpd", image.bitsPerDimension());
    }

    private static void describeStream(StreamSummary summary, ModelSet models, Report report) {
        report.add("form", "form", "stream");
        report.add("format version", "version", summary.header().version());
        report.add("model", "model", summary.header().fingerprintHex());
        describeCoding(summary.header().parameters(), report);
        report.add("images", "images", summary.images());
        summary.formats().forEach((format, count) -> report.text.append(String.format(Locale.ROOT, "  %-14s %d%n", format, count)));
        Map<String, Long> byModel = new LinkedHashMap<>();
        summary.models().forEach((model, count) -> byModel.merge(modelName(models, model.fingerprint()), count, Long::sum));
        report.models(byModel);
        report.add("metadata bytes", "metadataBytes", summary.metadataBytes());
        report.add("coded blocks", "codedBlocks", summary.codedBlocks());
        report.add("raw blocks", "rawBlocks", summary.rawBlocks());
        report.add("model blocks", "modelBlocks", summary.modelBlocks());
        report.add("samples", "samples", summary.samples());
        report.add("bytes", "bytes", summary.bytes());
        report.add("bpd", "bpd", summary.bitsPerDimension());
    }

    /** The name {@code models} gives the model of fingerprint {@code prefix}, or the prefix's first 8 bytes in hexadecimal. */
    private static String modelName(ModelSet models, byte[] prefix) {
        return models.name(prefix).orElseGet(() -> HexFormat.of().formatHex(prefix, 0, Math.min(prefix.length, 8)) + "...");
    }

    private static void describeCoding(CodingParameters coding, Report report) {
        report.add("coding", "coding", String.format(Locale.ROOT, "%d fractional bits, %d scale bits, %d-bit priors, pop-free units 2^-%d",
                coding.fractionalBits(), coding.scaleBits(), coding.priorPrecision(), coding.popFreeBits()));
    }

    /** The fields, as aligned text and as one JSON object. */
    private static final class Report {
        private final StringBuilder text = new StringBuilder();
        private final JsonObject json = new JsonObject();

        void add(String label, String key, String value) {
            line(label, value);
            json.field(key, value);
        }

        void add(String label, String key, long value) {
            line(label, Long.toString(value));
            json.field(key, value);
        }

        void add(String label, String key, double value) {
            line(label, String.format(Locale.ROOT, "%.4f", value));
            json.field(key, value);
        }

        /** The images of each model: a line each, and the object {@code models} keyed by model name. */
        void models(Map<String, Long> images) {
            JsonObject counts = new JsonObject();
            text.append("images by model\n");
            images.forEach((name, count) -> {
                text.append(String.format(Locale.ROOT, "  %-14s %d%n", name, count));
                counts.field(name, count);
            });
            json.field("models", counts);
        }

        /** The tiles of each coding: a line each, and the object {@code modes} keyed by {@link TileCoding#key()}. */
        void modes(TileTally tally) {
            JsonObject counts = new JsonObject();
            text.append("tiles by coding\n");
            for (Map.Entry<TileCoding, Long> entry : tally.counts().entrySet()) {
                text.append(String.format(Locale.ROOT, "  %-14s %d%n", entry.getKey().key(), entry.getValue()));
                counts.field(entry.getKey().key(), entry.getValue());
            }
            json.field("modes", counts);
        }

        private void line(String label, String value) {
            text.append(String.format(Locale.ROOT, "%-16s %s%n", label, value));
        }
    }
}
