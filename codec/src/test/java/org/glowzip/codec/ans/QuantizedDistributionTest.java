package org.glowzip.codec.ans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class QuantizedDistributionTest {
    private static final double[] MEANS = {0, 0.5, -3.7, 1e6 + 0.3, -1e9, Integer.MAX_VALUE, Integer.MIN_VALUE, 1e15};
    private static final double[] SCALES = {1e-9, 0.05, 0.3, 1, 7.5, 1000, 1e9};

    static Stream<Arguments> shapesMeansScales() {
        List<Arguments> cases = new ArrayList<>();
        for (Shape shape : Shape.values()) {
            for (double mean : MEANS) {
                for (double scale : SCALES) {
                    cases.add(Arguments.of(shape, mean, scale));
                }
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> exhaustiveCases() {
        return shapesMeansScales().flatMap(c -> Stream.of(3, 8, 12, 16)
                .map(precision -> Arguments.of(c.get()[0], precision, c.get()[1], c.get()[2])));
    }

    /** Every slot pops to a value whose push gives back exactly that message. */
    @ParameterizedTest(name = "{0} precision {1} mean {2} scale {3}")
    @MethodSource("exhaustiveCases")
    void everySlotInvertsExactly(Shape shape, int precision, double mean, double scale) {
        QuantizedDistribution distribution = new QuantizedDistribution(shape, precision);
        checkSlotsPartitionTheRange(distribution, mean, scale);
        for (int slot = 0; slot < 1 << precision; slot++) {
            Message start = Laws.messageAtSlot(slot, precision, slot * 0x9E3779B97F4A7C15L);
            Message message = start.copy();
            int value = distribution.pop(message, mean, scale);
            distribution.push(message, value, mean, scale);
            assertEquals(start, message, "slot " + slot + " -> value " + value);
        }
    }

    /** At 24 bits: every symbol's slots, and pops at slots spread over the whole range. */
    @ParameterizedTest(name = "{0} precision 24 mean {1} scale {2}")
    @MethodSource("shapesMeansScales")
    void fullPrecisionPartitionsAndInverts(Shape shape, double mean, double scale) {
        QuantizedDistribution distribution = new QuantizedDistribution(shape, 24);
        checkSlotsPartitionTheRange(distribution, mean, scale);
        for (int slot = 0; slot < 1 << 24; slot += 4093) {
            Message start = Laws.messageAtSlot(slot, 24, slot);
            Message message = start.copy();
            distribution.push(message, distribution.pop(message, mean, scale), mean, scale);
            assertEquals(start, message, "slot " + slot);
        }
    }

    private static void checkSlotsPartitionTheRange(QuantizedDistribution distribution, double mean, double scale) {
        int symbols = distribution.symbols(mean, scale);
        assertTrue(symbols <= 1 << (distribution.precision() - 1), "window leaves half the slots to the mass");
        long previous = distribution.start(0, mean, scale);
        assertEquals(0, previous);
        for (int i = 1; i <= symbols; i++) {
            long start = distribution.start(i, mean, scale);
            assertTrue(start >= previous + 1, "symbol " + (i - 1) + " has a slot");
            previous = start;
        }
        assertEquals(1L << distribution.precision(), previous, "slots end at 2^precision");
    }

    @Test
    void extremeValuesAreEncodableWhateverTheParameters() {
        int[] values = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1, 0, 1, 255, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
        for (Shape shape : Shape.values()) {
            for (int precision : new int[] {3, 16, 24}) {
                QuantizedDistribution distribution = new QuantizedDistribution(shape, precision);
                for (double mean : MEANS) {
                    for (double scale : SCALES) {
                        for (int value : values) {
                            Laws.assertRoundTrip(distribution.codec(mean, scale), value, new Message());
                        }
                    }
                }
            }
        }
    }

    @Property(tries = 1000)
    void binProbabilitiesFollowTheDistribution(@ForAll @DoubleRange(min = -50, max = 50) double mean,
            @ForAll @DoubleRange(min = 0.5, max = 20) double scale) {
        QuantizedDistribution gaussian = new QuantizedDistribution(Shape.GAUSSIAN, 24);
        int value = (int) Math.floor(mean);
        double expected = gaussianMass(value - 0.5, value + 0.5, mean, scale);
        double actual = Math.pow(2, -gaussian.informationContent(value, mean, scale));
        assertEquals(expected, actual, 1e-4 * expected + 1e-6, "mass of the bin at the mean");
    }

    /** Wide scales code through groups of bins; a value costs its density at its point, to 0.03 bit out to three scales. */
    @Property(tries = 1000)
    void wideScalesCostTheirDensity(@ForAll @DoubleRange(min = -1e6, max = 1e6) double mean,
            @ForAll @DoubleRange(min = 300, max = 1e5) double scale, @ForAll @DoubleRange(min = -3, max = 3) double z) {
        QuantizedDistribution gaussian = new QuantizedDistribution(Shape.GAUSSIAN, 24);
        int value = (int) Math.round(mean + z * scale);
        double t = (value - mean) / scale;
        double expectedBits = -Math.log(Math.exp(-t * t / 2) / (scale * Math.sqrt(2 * Math.PI))) / Math.log(2);
        assertEquals(expectedBits, gaussian.informationContent(value, mean, scale), 0.03);
    }

    @Test
    void logisticMassMatchesItsClosedForm() {
        QuantizedDistribution logistic = new QuantizedDistribution(Shape.LOGISTIC, 24);
        double mean = 3.25;
        double scale = 2;
        for (int value = -10; value <= 16; value++) {
            double expected = sigmoid((value + 0.5 - mean) / scale) - sigmoid((value - 0.5 - mean) / scale);
            double actual = Math.pow(2, -logistic.informationContent(value, mean, scale));
            assertEquals(expected, actual, 1e-4 * expected + 1e-6, "bin " + value);
        }
    }

    @Test
    void invalidParametersAreIllegalArguments() {
        QuantizedDistribution distribution = new QuantizedDistribution(Shape.GAUSSIAN, 16);
        assertThrows(IllegalArgumentException.class, () -> distribution.codec(0, 0));
        assertThrows(IllegalArgumentException.class, () -> distribution.codec(0, -1));
        assertThrows(IllegalArgumentException.class, () -> distribution.codec(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> distribution.codec(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new QuantizedDistribution(Shape.GAUSSIAN, 2));
        assertThrows(IllegalArgumentException.class, () -> new QuantizedDistribution(Shape.GAUSSIAN, 25));
    }

    private static double sigmoid(double t) {
        return 1 / (1 + Math.exp(-t));
    }

    /** Gaussian mass of [a, b) by Simpson's rule, independent of the implementation's table. */
    private static double gaussianMass(double a, double b, double mean, double scale) {
        int n = 2000;
        double h = (b - a) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double t = (a + i * h - mean) / scale;
            double weight = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * Math.exp(-t * t / 2) / (scale * Math.sqrt(2 * Math.PI));
        }
        return sum * h / 3;
    }
}
