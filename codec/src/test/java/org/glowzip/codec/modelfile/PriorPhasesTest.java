package org.glowzip.codec.modelfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PriorPhasesTest {
    @Property
    void aSquaresQuarterIsSetByTheParityOfItsRowAndColumn(@ForAll @IntRange(max = 1000) int row, @ForAll @IntRange(max = 1000) int column) {
        int quarter = PriorPhases.quarter(row, column);
        assertEquals(PriorPhases.quarter(row % 2, column % 2), quarter);
        assertEquals((row + column) % 2 == 0, quarter < 2, "the first two quarters are the checkerboard's even squares");
        assertEquals(quarter, PriorPhases.quarterOfIndex(row * 1001 + column, 1001));
    }

    @Test
    void theQuartersOfAPlaneComeInTheOrderEvenEvenOddOddEvenOddOddEven() {
        assertEquals(List.of(0, 1, 2, 3), List.of(PriorPhases.quarter(0, 0), PriorPhases.quarter(1, 1), PriorPhases.quarter(0, 1),
                PriorPhases.quarter(1, 0)));
    }

    @Test
    void eachPhaseAfterTheFirstStartsWithItsContext() {
        assertEquals(List.of(), PriorPhases.SINGLE.contexts());
        assertEquals(List.of(2), PriorPhases.CHECKERBOARD.contexts());
        assertEquals(List.of(1, 2, 3), PriorPhases.QUARTERS.contexts());
    }
}
