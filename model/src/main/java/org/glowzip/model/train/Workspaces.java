package org.glowzip.model.train;

import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;

/**
 * ND4J workspace settings. Every training or evaluation step runs inside a workspace whose memory
 * is reused from step to step: allocating fresh off-heap arrays for each temporary cost more than
 * the arithmetic on this machine (measured: a 6 MB elementwise multiply took 20-40 ms with fresh
 * output arrays, about 3 ms with reused memory).
 */
public final class Workspaces {
    /** Learns its size in the first loop, then reuses it; spills reallocate rather than fail. */
    public static final WorkspaceConfiguration STEP = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.3)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .build();

    private Workspaces() {
    }
}
