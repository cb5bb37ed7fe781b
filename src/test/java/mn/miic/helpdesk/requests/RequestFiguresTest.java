package mn.miic.helpdesk.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures' arithmetic: what counts as a first response and a decision, and the nearest-rank percentiles. */
class RequestFiguresTest {

    private static final Instant T = Instant.parse("2026-11-02T15:00:00Z");

    private static RequestFigures.Fact fact(
            Duration claimed, Duration decided, RequestStatus status, boolean helpDesk, boolean escalated) {
        return new RequestFigures.Fact(
                1,
                T,
                escalated ? T.plus(Duration.ofMinutes(30)) : null,
                claimed == null ? null : T.plus(claimed),
                decided == null ? null : T.plus(decided),
                status,
                helpDesk);
    }

    @Test
    void aClaimIsTheFirstResponseAndAnExpiryIsNobodysDecision() {
        var claimedThenApproved =
                fact(Duration.ofMinutes(45), Duration.ofMinutes(60), RequestStatus.APPROVED, true, true);
        var approvedAtOnce = fact(null, Duration.ofMinutes(10), RequestStatus.APPROVED, false, false);
        var expired = fact(null, Duration.ofDays(3), RequestStatus.EXPIRED, false, true);

        assertThat(claimedThenApproved.firstResponse()).contains(Duration.ofMinutes(45));
        assertThat(claimedThenApproved.decision()).contains(Duration.ofMinutes(60));
        assertThat(approvedAtOnce.firstResponse()).contains(Duration.ofMinutes(10));
        assertThat(expired.firstResponse()).isEmpty();
        assertThat(expired.decision()).isEmpty();

        var f = RequestFigures.of(List.of(claimedThenApproved, approvedAtOnce, expired));
        assertThat(f.asked()).isEqualTo(3);
        assertThat(f.decided()).isEqualTo(2);
        assertThat(f.bySite()).isEqualTo(1);
        assertThat(f.byHelpDesk()).isEqualTo(1);
        assertThat(f.escalated()).isEqualTo(2);
        assertThat(f.expired()).isEqualTo(1);
        assertThat(f.siteShare()).isEqualTo(50);
    }

    @Test
    void percentilesAreByNearestRankAndNoneWithoutValues() {
        List<Duration> values =
                List.of(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofMinutes(2));

        assertThat(RequestFigures.percentile(values, 50)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RequestFigures.percentile(values, 90)).isEqualTo(Duration.ofMinutes(5));
        assertThat(RequestFigures.percentile(List.of(), 50)).isNull();
        assertThat(RequestFigures.of(List.of()).siteShare()).isNull();
    }
}
