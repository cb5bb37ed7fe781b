package mn.miic.helpdesk.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.access.Requester;
import mn.miic.helpdesk.accounts.usecases.AccountTransactions;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.requests.RequestFigures.Fact;
import mn.miic.helpdesk.requests.RequestFigures.Figures;

/**
 * The figures of requests for help over the last 7 and 30 days, overall and per organization: MIIC-wide for the help
 * desk, the organizations they reach for an administrator or a Health System User.
 */
public final class ReadRequestFigures {

    public static final Duration WEEK = Duration.ofDays(7);
    public static final Duration MONTH = Duration.ofDays(30);

    /** One organization's figures. */
    public record OfOrganization(Organization organization, Figures week, Figures month) {}

    /** @param organizations per organization, the busiest of the last 30 days first */
    public record Report(boolean helpDesk, Figures week, Figures month, List<OfOrganization> organizations) {}

    private final AccountTransactions transactions;
    private final Clock clock;

    ReadRequestFigures(AccountTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public Report execute(Actor actor) {
        return transactions.run(actor, AuditAction.READ_FIGURES, unit -> {
            Requester requester = unit.requester();
            unit.about(requester.account());
            if (!requester.isManager() || !requester.account().isInGoodStanding()) {
                throw Refusal.notAllowed("The help desk's figures are for MIIC administrators, Health System Users and"
                        + " the help desk.");
            }
            Instant now = clock.instant();
            Instant weekAgo = now.minus(WEEK);
            List<Fact> month = new RequestFiguresRepository(unit.dsl())
                    .askedSince(now.minus(MONTH)).stream()
                            .filter(f -> requester.reach().includes(f.organizationId()))
                            .toList();
            Map<Long, List<Fact>> byOrg = new LinkedHashMap<>();
            month.forEach(f -> byOrg.computeIfAbsent(f.organizationId(), k -> new ArrayList<>())
                    .add(f));
            List<OfOrganization> organizations = new ArrayList<>();
            Map<Long, Organization> orgs = unit.organizations().byId(byOrg.keySet());
            byOrg.forEach((orgId, facts) -> organizations.add(new OfOrganization(
                    orgs.get(orgId), RequestFigures.of(inWeek(facts, weekAgo)), RequestFigures.of(facts))));
            organizations.sort(
                    Comparator.comparingInt((OfOrganization o) -> -o.month().asked())
                            .thenComparing(o -> o.organization().code()));
            unit.done(month.size() + " requests in 30 days", Map.of());
            return new Report(
                    requester.isHelpDesk(),
                    RequestFigures.of(inWeek(month, weekAgo)),
                    RequestFigures.of(month),
                    List.copyOf(organizations));
        });
    }

    private static List<Fact> inWeek(List<Fact> facts, Instant weekAgo) {
        return facts.stream().filter(f -> !f.askedAt().isBefore(weekAgo)).toList();
    }
}
