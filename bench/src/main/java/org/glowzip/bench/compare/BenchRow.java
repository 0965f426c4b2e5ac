package org.glowzip.bench.compare;

/**
 * One codec's result on a set of images: total bytes, bits per dimension, encode and decode
 * rates in images per second, and whether decoding gave back every image exactly.
 */
public record BenchRow(String codec, String setting, int images, long bytes, double bpd, double encodeImagesPerSecond,
        double decodeImagesPerSecond, boolean verified) {

    /** Names of the columns, as in the TSV header. */
    public static final String[] COLUMNS = {"codec", "setting", "images", "bytes", "bpd", "enc_img_s", "dec_img_s", "verified"};

    static BenchRow of(String codec, String setting, int images, long samples, long bytes, double encodeSeconds, double decodeSeconds,
            boolean verified) {
        return new BenchRow(codec, setting, images, bytes, 8.0 * bytes / samples, images / Math.max(encodeSeconds, 1e-9),
                images / Math.max(decodeSeconds, 1e-9), verified);
    }
}
