package org.glowzip.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Slots, the queue before them and the per-client limit, without a server. */
class JobAdmissionTest {
    /** Waiters that note, in order, which of them were granted a slot. */
    private final List<String> granted = new ArrayList<>();
    private final AtomicLong queued = new AtomicLong();

    private JobAdmission.Waiter waiter(String name, String client) {
        return new JobAdmission.Waiter() {
            @Override
            public String client() {
                return client;
            }

            @Override
            public void granted() {
                granted.add(name);
            }
        };
    }

    @Test
    void slotsThenQueueThenRefusalAndFreedSlotsGoToTheLongestWaiter() {
        JobAdmission admission = new JobAdmission(2, 2, 0, queued);
        assertEquals(JobAdmission.Outcome.ADMITTED, admission.admit(waiter("a", "x")));
        assertEquals(JobAdmission.Outcome.ADMITTED, admission.admit(waiter("b", "x")));
        assertEquals(JobAdmission.Outcome.QUEUED, admission.admit(waiter("c", "x")));
        assertEquals(JobAdmission.Outcome.QUEUED, admission.admit(waiter("d", "y")));
        assertEquals(2, queued.get());
        assertEquals(JobAdmission.Outcome.QUEUE_FULL, admission.probe("z"));
        assertEquals(JobAdmission.Outcome.QUEUE_FULL, admission.admit(waiter("e", "z")));
        admission.release("x");
        assertEquals(List.of("c"), granted);
        admission.release("x");
        assertEquals(List.of("c", "d"), granted);
        assertEquals(0, queued.get());
        admission.release("x");
        admission.release("y");
        assertEquals(JobAdmission.Outcome.ADMITTED, admission.admit(waiter("f", "z")), "one slot left in use, one free");
        assertEquals(List.of("c", "d"), granted);
    }

    @Test
    void aWithdrawnWaiterIsNeverGranted() {
        JobAdmission admission = new JobAdmission(1, 4, 0, queued);
        admission.admit(waiter("a", "x"));
        JobAdmission.Waiter b = waiter("b", "x");
        admission.admit(b);
        admission.admit(waiter("c", "x"));
        admission.withdraw(b);
        admission.withdraw(b);
        assertEquals(1, queued.get());
        admission.release("x");
        assertEquals(List.of("c"), granted);
    }

    @Test
    void theClientLimitCountsWaitingJobsAndFreesWithThem() {
        JobAdmission admission = new JobAdmission(1, 4, 2, queued);
        admission.admit(waiter("a", "x"));
        JobAdmission.Waiter b = waiter("b", "x");
        assertEquals(JobAdmission.Outcome.QUEUED, admission.admit(b));
        assertEquals(JobAdmission.Outcome.CLIENT_LIMIT, admission.admit(waiter("c", "x")));
        assertEquals(JobAdmission.Outcome.QUEUED, admission.admit(waiter("d", "y")), "another client is not limited");
        admission.withdraw(b);
        assertEquals(JobAdmission.Outcome.QUEUED, admission.probe("x"));
        admission.release("x");
        assertEquals(List.of("d"), granted);
        assertEquals(JobAdmission.Outcome.QUEUED, admission.admit(waiter("e", "x")), "x holds nothing now");
        assertEquals(JobAdmission.Outcome.QUEUED, admission.admit(waiter("f", "x")));
        assertEquals(JobAdmission.Outcome.CLIENT_LIMIT, admission.admit(waiter("g", "x")));
    }
}
