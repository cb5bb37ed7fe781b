package mn.miic.helpdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** How the sweep packs organizations into batches: whole ones together, so that an administrator hears once. */
class SweepBatchesTest {

    @Test
    void smallOrganizationsShareABatchUpToItsSize() {
        var due = new TreeMap<Long, Integer>();
        due.put(1L, 400);
        due.put(2L, 500);
        due.put(3L, 200);
        due.put(4L, 1);

        assertThat(InactivitySweep.batches(due)).containsExactly(List.of(1L, 2L), List.of(3L, 4L));
    }

    @Test
    void anOrganizationLargerThanABatchGoesAlone() {
        var due = new TreeMap<Long, Integer>();
        due.put(1L, 10);
        due.put(2L, InactivitySweep.BATCH * 3);
        due.put(3L, 10);

        assertThat(InactivitySweep.batches(due)).containsExactly(List.of(1L), List.of(2L), List.of(3L));
    }

    @Test
    void exactlyABatchFillsIt() {
        var due = new TreeMap<Long, Integer>();
        due.put(7L, InactivitySweep.BATCH);
        due.put(8L, 1);

        assertThat(InactivitySweep.batches(due)).containsExactly(List.of(7L), List.of(8L));
    }

    @Test
    void nothingDueIsNoBatch() {
        assertThat(InactivitySweep.batches(new TreeMap<>())).isEmpty();
    }
}
