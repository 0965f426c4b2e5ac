package org.glowzip.bench.compare;

/**
 * One codec's result on a set of images: total bytes, bits per dimension, encode and decode
 * rates in images per second (NaN where there is no such step), and whether decoding gave back
 * every image exactly.
 */
public record BenchRow(String codec, String setting, int images, long bytes, double bpd, double encodeImagesPerSecond,
        double decodeImagesPerSecond, Verification verified) {

    /** Names of the columns, as in the TSV header. */
    public static final String[] COLUMNS = {"codec", "setting", "images", "bytes", "bpd", "enc_img_s", "dec_img_s", "verified"};

    /** Whether a row's output was decoded back to its input. */
    public enum Verification {
        YES("yes"), NO("no"), NOT_APPLICABLE("n/a");

        private final String text;

        Verification(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static BenchRow of(String codec, String setting, int images, long samples, long bytes, double encodeSeconds, double decodeSeconds,
            boolean verified) {
        return new BenchRow(codec, setting, images, bytes, 8.0 * bytes / samples, images / Math.max(encodeSeconds, 1e-9),
                images / Math.max(decodeSeconds, 1e-9), verified ? Verification.YES : Verification.NO);
    }

    /** A row for a model's likelihood: the ideal size of a code at {@code bpd}, nothing to decode. */
    public static BenchRow likelihood(String codec, String setting, int images, long samples, double bpd, double seconds) {
        return new BenchRow(codec, setting, images, Math.round(bpd * samples / 8), bpd, images / Math.max(seconds, 1e-9), Double.NaN,
                Verification.NOT_APPLICABLE);
    }

    /** False only for a row whose round trip failed. */
    public boolean failed() {
        return verified == Verification.NO;
    }
}
