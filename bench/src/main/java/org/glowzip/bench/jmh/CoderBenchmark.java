package org.glowzip.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.glowzip.codec.ans.Categorical;
import org.glowzip.codec.ans.IntCodec;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.ans.QuantizedDistribution;
import org.glowzip.codec.ans.Shape;
import org.glowzip.codec.ans.Uniform;
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
 * Push and pop throughput of each rANS codec, in symbols per second: every invocation codes
 * {@value #SYMBOLS} symbols drawn from the codec's own distribution (for the quantized
 * distributions, each symbol with its own mean and scale, as a flow's prior gives them).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CoderBenchmark {
    static final int SYMBOLS = 4096;

    @Param({"uniform-256", "uniform-1000", "uniform-1000003", "categorical-256", "logistic-16bit", "gaussian-24bit"})
    public String codec;

    private SymbolCase symbolCase;
    private Message encoded;

    @Setup
    public void setUp() {
        symbolCase = SymbolCase.of(codec, new SplittableRandom(42));
        encoded = push();
    }

    @Benchmark
    @OperationsPerInvocation(SYMBOLS)
    public Message push() {
        Message message = new Message();
        for (int i = 0; i < SYMBOLS; i++) {
            symbolCase.push(message, i);
        }
        return message;
    }

    @Benchmark
    @OperationsPerInvocation(SYMBOLS)
    public int pop() {
        Message message = encoded.copy();
        int checksum = 0;
        for (int i = SYMBOLS - 1; i >= 0; i--) {
            checksum += symbolCase.pop(message, i);
        }
        return checksum;
    }

    /** A codec with {@value #SYMBOLS} symbols (and their parameters) to code. */
    private abstract static class SymbolCase {
        final int[] symbols = new int[SYMBOLS];

        abstract void push(Message message, int i);

        abstract int pop(Message message, int i);

        static SymbolCase of(String name, SplittableRandom random) {
            switch (name) {
                case "uniform-256": return uniform(256, random);
                case "uniform-1000": return uniform(1000, random);
                case "uniform-1000003": return uniform(1_000_003, random);
                case "categorical-256": return categorical(random);
                case "logistic-16bit": return quantized(new QuantizedDistribution(Shape.LOGISTIC, 16), random);
                case "gaussian-24bit": return quantized(new QuantizedDistribution(Shape.GAUSSIAN, 24), random);
                default: throw new IllegalArgumentException("unknown codec " + name);
            }
        }

        private static SymbolCase uniform(int n, SplittableRandom random) {
            int[] symbols = new int[SYMBOLS];
            for (int i = 0; i < SYMBOLS; i++) {
                symbols[i] = random.nextInt(n);
            }
            return of(Uniform.of(n), symbols);
        }

        /** An {@link IntCodec} with its symbols. */
        private static SymbolCase of(IntCodec codec, int[] symbols) {
            SymbolCase c = new SymbolCase() {
                @Override
                void push(Message message, int i) {
                    codec.pushInt(message, this.symbols[i]);
                }

                @Override
                int pop(Message message, int i) {
                    return codec.popInt(message);
                }
            };
            System.arraycopy(symbols, 0, c.symbols, 0, SYMBOLS);
            return c;
        }

        /** Zipf-like counts over 256 symbols, symbols sampled from them. */
        private static SymbolCase categorical(SplittableRandom random) {
            long[] counts = new long[256];
            long[] cumulative = new long[257];
            for (int s = 0; s < counts.length; s++) {
                counts[s] = 1_000_000 / (s + 1);
                cumulative[s + 1] = cumulative[s] + counts[s];
            }
            int[] symbols = new int[SYMBOLS];
            for (int i = 0; i < SYMBOLS; i++) {
                long u = random.nextLong(cumulative[256]);
                int s = 0;
                while (cumulative[s + 1] <= u) {
                    s++;
                }
                symbols[i] = s;
            }
            return of(new Categorical(counts, 16), symbols);
        }

        /** Means in [-100, 100], scales in [0.5, 50], values drawn near the mean. */
        private static SymbolCase quantized(QuantizedDistribution distribution, SplittableRandom random) {
            double[] means = new double[SYMBOLS];
            double[] scales = new double[SYMBOLS];
            SymbolCase c = new SymbolCase() {
                @Override
                void push(Message message, int i) {
                    distribution.push(message, symbols[i], means[i], scales[i]);
                }

                @Override
                int pop(Message message, int i) {
                    return distribution.pop(message, means[i], scales[i]);
                }
            };
            for (int i = 0; i < SYMBOLS; i++) {
                means[i] = random.nextDouble(-100, 100);
                scales[i] = random.nextDouble(0.5, 50);
                c.symbols[i] = (int) Math.round(means[i] + scales[i] * (random.nextDouble() + random.nextDouble() - 1) * 2);
            }
            return c;
        }
    }
}
