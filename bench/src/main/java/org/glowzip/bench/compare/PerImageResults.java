package org.glowzip.bench.compare;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.glowzip.codec.image.SampleFormat;

/**
 * Per-image codecs on a set of images of any sizes: each image's bits per sample under each codec
 * (bytes x 8 / samples), their mean over the images of each sample format (a mean over images,
 * so that every photo counts the same whatever its size, not the ratio of the pooled bytes), and
 * whether each image's output of a {@code subject} codec is smaller than that of a
 * {@code reference} (glowzip against optipng's PNG).
 */
public final class PerImageResults {
    /** A mean of bits per sample over the {@code images} of a group that a codec coded; NaN over none. */
    public record Mean(int images, double bitsPerSample) {
    }

    private final List<BenchImage> images;
    private final List<CodecRun> runs;
    private final String subject;
    private final String reference;

    /**
     * @param runs the codecs' runs, each on these images or on their first ones
     * @param subject the name of the codec checked to be smaller than {@code reference} on every image
     */
    public PerImageResults(List<BenchImage> images, List<CodecRun> runs, String subject, String reference) {
        this.images = List.copyOf(images);
        this.runs = List.copyOf(runs);
        this.subject = Objects.requireNonNull(subject, "subject");
        this.reference = Objects.requireNonNull(reference, "reference");
        for (CodecRun run : runs) {
            if (run.bytes().length > images.size()) {
                throw new IllegalArgumentException(run.codec().name() + " coded " + run.bytes().length + " images of " + images.size());
            }
        }
    }

    public List<BenchImage> images() {
        return images;
    }

    public List<CodecRun> runs() {
        return runs;
    }

    public String subject() {
        return subject;
    }

    public String reference() {
        return reference;
    }

    /** The group of images that a format's means are taken over: gray, gray+alpha, RGB or RGBA, "16-bit" added at 16 bits. */
    public static String group(SampleFormat format) {
        String colours = switch (format.channels()) {
            case 1 -> "gray";
            case 2 -> "gray+alpha";
            case 3 -> "RGB";
            default -> "RGBA";
        };
        return format.bitDepth() == 8 ? colours : colours + " 16-bit";
    }

    /** The groups that the images fall into, gray before RGB, 8 bits before 16. */
    public List<String> groups() {
        return images.stream().map(image -> image.image().format())
                .sorted(Comparator.comparingInt(SampleFormat::bitDepth).thenComparingInt(SampleFormat::channels))
                .map(PerImageResults::group).distinct().toList();
    }

    /** How many images fall into {@code group}. */
    public int groupSize(String group) {
        return (int) images.stream().filter(image -> group(image.image().format()).equals(group)).count();
    }

    /** Image {@code i}'s bits per sample under {@code run}, or NaN where the run did not code it. */
    public double bitsPerSample(CodecRun run, int i) {
        long bytes = run.bytes(i);
        return bytes == CodecRun.NOT_CODED ? Double.NaN : 8.0 * bytes / images.get(i).image().sampleCount();
    }

    /** The mean of {@code run}'s bits per sample over the images of {@code group} that it coded. */
    public Mean mean(CodecRun run, String group) {
        int count = 0;
        double sum = 0;
        for (int i = 0; i < images.size(); i++) {
            double bits = bitsPerSample(run, i);
            if (!Double.isNaN(bits) && group(images.get(i).image().format()).equals(group)) {
                count++;
                sum += bits;
            }
        }
        return new Mean(count, count == 0 ? Double.NaN : sum / count);
    }

    /**
     * Whether image {@code i}'s {@link #subject} output is smaller than its {@link #reference}
     * output; {@code null} where either codec did not code it (or did not run).
     */
    public Boolean subjectSmaller(int i) {
        long subjectBytes = bytes(subject, i);
        long referenceBytes = bytes(reference, i);
        return subjectBytes == CodecRun.NOT_CODED || referenceBytes == CodecRun.NOT_CODED ? null : subjectBytes < referenceBytes;
    }

    /** True when some output did not decode to its image. */
    public boolean failed() {
        return runs.stream().anyMatch(run -> !run.verified());
    }

    private long bytes(String codec, int i) {
        return runs.stream().filter(run -> run.codec().name().equals(codec)).findFirst().map(run -> run.bytes(i)).orElse(CodecRun.NOT_CODED);
    }
}
