package org.glowzip.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.stream.GlowzipForm;

/**
 * The measured rates of the bundled models, from the resource {@value #RESOURCE} beside them: a
 * tab-separated table, {@code #} comment lines first, then the header {@value #HEADER} and a
 * {@link MeasuredRate} per line (the form by its {@link GlowzipForm} name). Keyed by fingerprint,
 * so a model file that was retrained has none until it is measured again.
 */
public final class MeasuredRates {
    /** The resource that holds the table. */
    public static final String RESOURCE = "/org/glowzip/codec/measured-rates.tsv";
    /** The table's header line: its columns, in order. */
    public static final String HEADER = "model\tfingerprint\tform\tbits_per_sample\tmeasured_on\tresults\tcommand";

    private MeasuredRates() {
    }

    /**
     * Every row of the bundled table, in its order.
     *
     * @throws IllegalStateException if this build lacks the table or it is malformed
     */
    public static List<MeasuredRate> bundled() {
        return Bundled.RATES;
    }

    /** The rates measured with {@code model}'s file, in the table's order; none for a model the table does not name. */
    public static List<MeasuredRate> of(ModelFile model) {
        String fingerprint = model.fingerprintHex();
        return bundled().stream().filter(rate -> rate.fingerprint().equals(fingerprint)).toList();
    }

    /**
     * The rows of a table of {@code lines}.
     *
     * @throws IllegalArgumentException if the header is not {@link #HEADER} or a row is malformed (naming its line)
     */
    static List<MeasuredRate> parse(List<String> lines) {
        int line = 0;
        while (line < lines.size() && lines.get(line).startsWith("#")) {
            line++;
        }
        if (line == lines.size() || !lines.get(line).equals(HEADER)) {
            throw new IllegalArgumentException("line " + (line + 1) + ": the header must be " + HEADER.replace('\t', ' '));
        }
        List<MeasuredRate> rates = new ArrayList<>();
        for (line++; line < lines.size(); line++) {
            String[] fields = lines.get(line).split("\t", -1);
            try {
                if (fields.length != 7) {
                    throw new IllegalArgumentException(fields.length + " columns, not 7");
                }
                rates.add(new MeasuredRate(fields[0], fields[1], GlowzipForm.valueOf(fields[2]), Double.parseDouble(fields[3]), fields[4],
                        fields[5], fields[6]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (line + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(rates);
    }

    /** The bundled table, read once on first use. */
    private static final class Bundled {
        static final List<MeasuredRate> RATES = read();

        private static List<MeasuredRate> read() {
            try (InputStream in = MeasuredRates.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("this build has no measured rates (" + RESOURCE + ")");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(RESOURCE + ", " + e.getMessage(), e);
            }
        }
    }
}
