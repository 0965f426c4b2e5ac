package org.glowzip.bench;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.glowzip.bench.io.InputFiles;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.stream.GlowzipForm;
import org.glowzip.codec.stream.SingleImageFormat;
import org.glowzip.codec.stream.SingleImageHeader;
import org.glowzip.codec.stream.StreamSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code glowzip info}: what a single image or a stream holds, checked but not decoded: every
 * checksum (each block's, or the single image's), the framing, the shapes and the end block's
 * image count are verified before anything is printed, so a damaged file fails (exit 3) instead
 * of being described. Whether the payloads decode with a model is {@code decompress}'s to find out.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the form (single image or stream), model fingerprint, coding parameters, images, sizes and bpd.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Parameters(paramLabel = "IN.glz", description = "Single-image or stream file, or - for stdin.")
    String input;

    @Override
    public Integer call() throws Exception {
        try (InputStream in = new BufferedInputStream(InputFiles.open(input))) {
            if (GlowzipForm.of(in) == GlowzipForm.SINGLE_IMAGE) {
                printSingle(SingleImageHeader.read(SingleImageFormat.readAll(in)));
            } else {
                printStream(StreamSummary.read(in));
            }
        } catch (MalformedStreamException e) {
            throw InputFiles.named(input, e);
        }
        return 0;
    }

    private static void printSingle(SingleImageHeader image) {
        System.out.printf(Locale.ROOT, "form             single image%n");
        System.out.printf(Locale.ROOT, "format version   %d%n", image.version());
        System.out.printf(Locale.ROOT, "model            %s... (fingerprint prefix)%n", image.fingerprintHex());
        printCoding(image.parameters());
        System.out.printf(Locale.ROOT, "image            %dx%d %s%n", image.width(), image.height(), image.format());
        System.out.printf(Locale.ROOT, "metadata         %d bytes%n", image.metadata().length);
        System.out.printf(Locale.ROOT, "payload          %s, %d bytes%n", image.coded() ? "coded" : "raw", image.payloadLength());
        System.out.printf(Locale.ROOT, "samples          %d%n", image.samples());
        System.out.printf(Locale.ROOT, "bytes            %d%n", image.bytes());
        System.out.printf(Locale.ROOT, "bpd              %.4f%n", image.bitsPerDimension());
    }

    private static void printStream(StreamSummary summary) {
        System.out.printf(Locale.ROOT, "form             stream%n");
        System.out.printf(Locale.ROOT, "format version   %d%n", summary.header().version());
        System.out.printf(Locale.ROOT, "model            %s%n", summary.header().fingerprintHex());
        printCoding(summary.header().parameters());
        System.out.printf(Locale.ROOT, "images           %d%n", summary.images());
        summary.formats().forEach((format, count) -> System.out.printf(Locale.ROOT, "  %-14s %d%n", format, count));
        System.out.printf(Locale.ROOT, "metadata         %d bytes%n", summary.metadataBytes());
        System.out.printf(Locale.ROOT, "blocks           %d coded, %d raw%n", summary.codedBlocks(), summary.rawBlocks());
        System.out.printf(Locale.ROOT, "samples          %d%n", summary.samples());
        System.out.printf(Locale.ROOT, "bytes            %d%n", summary.bytes());
        System.out.printf(Locale.ROOT, "bpd              %.4f%n", summary.bitsPerDimension());
    }

    private static void printCoding(CodingParameters coding) {
        System.out.printf(Locale.ROOT, "coding           %d fractional bits, %d scale bits, %d-bit priors, pop-free units 2^-%d%n",
                coding.fractionalBits(), coding.scaleBits(), coding.priorPrecision(), coding.popFreeBits());
    }
}
