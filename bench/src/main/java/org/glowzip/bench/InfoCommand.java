package org.glowzip.bench;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.stream.StreamSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code glowzip info}: what a stream holds, checked but not decoded. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Print a stream's header, model fingerprint, image count and bpd.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Parameters(paramLabel = "IN.glz", description = "Stream file, or - for stdin.")
    String input;

    @Override
    public Integer call() throws Exception {
        StreamSummary summary;
        try (InputStream in = input.equals("-") ? System.in : new BufferedInputStream(Files.newInputStream(Path.of(input)))) {
            summary = StreamSummary.read(in);
        }
        System.out.printf(Locale.ROOT, "format version   %d%n", summary.header().version());
        System.out.printf(Locale.ROOT, "model            %s%n", summary.header().fingerprintHex());
        CodingParameters coding = summary.header().parameters();
        System.out.printf(Locale.ROOT, "coding           %d fractional bits, %d scale bits, %d-bit priors, pop-free units 2^-%d%n",
                coding.fractionalBits(), coding.scaleBits(), coding.priorPrecision(), coding.popFreeBits());
        System.out.printf(Locale.ROOT, "images           %d%n", summary.images());
        System.out.printf(Locale.ROOT, "blocks           %d coded, %d raw%n", summary.codedBlocks(), summary.rawBlocks());
        System.out.printf(Locale.ROOT, "samples          %d%n", summary.samples());
        System.out.printf(Locale.ROOT, "bytes            %d%n", summary.bytes());
        System.out.printf(Locale.ROOT, "bpd              %.4f%n", summary.bitsPerDimension());
        return 0;
    }
}
