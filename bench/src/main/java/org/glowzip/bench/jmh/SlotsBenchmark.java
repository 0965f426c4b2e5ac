package org.glowzip.bench.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.context.ContextModel;
import org.glowzip.codec.context.TableSoftmax;
import org.glowzip.codec.input.ImageInputs;
import org.glowzip.codec.input.ImageSource;
import org.glowzip.codec.input.InputLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to turn the {@value ContextModel#SYMBOLS} logits of one sample into rANS slots, in ns per
 * distribution, on the logits of the bundled model on {@value #DISTRIBUTIONS} real samples:
 * {@link TableSoftmax} ({@code TABLE}) and {@link ContextModel#cumulative} ({@code STRICT_MATH},
 * an exp per symbol; with its two small arrays allocated per call).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SlotsBenchmark {
    static final int DISTRIBUTIONS = 1024;

    /** The two ways to slots. */
    public enum Implementation { TABLE, STRICT_MATH }

    @Param
    public Implementation implementation;

    /** Resource name of the IDX images whose first samples give the logits. */
    @Param({""})
    public String images;

    private float[] logits;
    private final int[] cumulative = new int[ContextModel.SYMBOLS + 1];

    @Setup
    public void setUp() throws IOException {
        InputStream resource = images.isEmpty() ? null : SlotsBenchmark.class.getResourceAsStream(images);
        if (resource == null) {
            throw new IllegalStateException("images must name a resource of IDX images; glowzip convbench passes its bundled sample");
        }
        try (InputStream in = resource; ImageSource source = new ImageInputs(InputLimits.DEFAULTS).open(in, images)) {
            logits = ContextSamples.of(ContextModel.of(ImageCodec.bundled().model()), source.readAll(), DISTRIBUTIONS).logits();
        }
    }

    @Benchmark
    @OperationsPerInvocation(DISTRIBUTIONS)
    public int slots() {
        int checksum = 0;
        if (implementation == Implementation.TABLE) {
            for (int n = 0; n < DISTRIBUTIONS; n++) {
                TableSoftmax.slots(logits, n * ContextModel.SYMBOLS, cumulative);
                checksum += cumulative[ContextModel.SYMBOLS / 2];
            }
            return checksum;
        }
        float[] one = new float[ContextModel.SYMBOLS];
        for (int n = 0; n < DISTRIBUTIONS; n++) {
            System.arraycopy(logits, n * ContextModel.SYMBOLS, one, 0, ContextModel.SYMBOLS);
            checksum += ContextModel.cumulative(one)[ContextModel.SYMBOLS / 2];
        }
        return checksum;
    }
}
