package mn.miic.helpdesk.requests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The help desk's figures for requests, in plain Java: how many were asked, how soon someone first answered (claimed or
 * decided), how soon they were decided, by the site or by the help desk, how many were escalated and how many expired
 * unanswered. Percentiles by nearest rank over the requests that have the figure.
 */
public final class RequestFigures {

    private RequestFigures() {}

    /** One request as the figures need it. */
    public record Fact(
            long organizationId,
            Instant askedAt,
            Instant escalatedAt,
            Instant claimedAt,
            Instant decidedAt,
            RequestStatus status,
            boolean decidedByHelpDesk) {

        /** Until someone took it: the help desk's claim, or a decision, whichever came first. */
        public Optional<Duration> firstResponse() {
            Instant first = earliest(claimedAt, decided() ? decidedAt : null);
            return first == null ? Optional.empty() : Optional.of(Duration.between(askedAt, first));
        }

        public Optional<Duration> decision() {
            return decided() ? Optional.of(Duration.between(askedAt, decidedAt)) : Optional.empty();
        }

        /** Approved or denied by a person (an expiry is nobody's decision). */
        public boolean decided() {
            return (status == RequestStatus.APPROVED || status == RequestStatus.DENIED) && decidedAt != null;
        }

        private static Instant earliest(Instant a, Instant b) {
            if (a == null) {
                return b;
            }
            return b == null || a.isBefore(b) ? a : b;
        }
    }

    /** The figures of some requests; a duration is null when no request has it yet. */
    public record Figures(
            int asked,
            int decided,
            int bySite,
            int byHelpDesk,
            int escalated,
            int expired,
            int open,
            Duration medianFirstResponse,
            Duration p90FirstResponse,
            Duration medianDecision,
            Duration p90Decision) {

        /** The share of decisions made at the site, in whole percent; null with no decision. */
        public Integer siteShare() {
            return decided == 0 ? null : (int) Math.round(100.0 * bySite / decided);
        }
    }

    public static Figures of(List<Fact> facts) {
        int decided = 0;
        int byHelpDesk = 0;
        int escalated = 0;
        int expired = 0;
        int open = 0;
        List<Duration> firsts = new ArrayList<>();
        List<Duration> decisions = new ArrayList<>();
        for (Fact f : facts) {
            if (f.decided()) {
                decided++;
                if (f.decidedByHelpDesk()) {
                    byHelpDesk++;
                }
            }
            if (f.escalatedAt() != null) {
                escalated++;
            }
            if (f.status() == RequestStatus.EXPIRED) {
                expired++;
            }
            if (f.status() == RequestStatus.OPEN) {
                open++;
            }
            f.firstResponse().ifPresent(firsts::add);
            f.decision().ifPresent(decisions::add);
        }
        return new Figures(
                facts.size(),
                decided,
                decided - byHelpDesk,
                byHelpDesk,
                escalated,
                expired,
                open,
                percentile(firsts, 50),
                percentile(firsts, 90),
                percentile(decisions, 50),
                percentile(decisions, 90));
    }

    /** Nearest rank: the smallest value at or above which {@code p} percent of the values lie. */
    static Duration percentile(List<Duration> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
