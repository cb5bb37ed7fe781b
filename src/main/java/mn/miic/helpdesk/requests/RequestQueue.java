package mn.miic.helpdesk.requests;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import mn.miic.helpdesk.accounts.access.Requester;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.usecases.AccountTransactions;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.organizations.Organization;

/**
 * What a person can act on, oldest first: every open request for the help desk, the requests of their organizations
 * for a manager, their own for everyone else. Managers also get their working organization at a glance.
 */
public final class RequestQueue {

    public static final int LIMIT = 25;
    public static final Duration EXPIRING_WITHIN = Duration.ofDays(14);

    /** @param glance null for someone who manages nobody */
    public record Queue(
            Account viewer, boolean helpDesk, boolean manager, List<RequestDetails> requests, Glance glance) {}

    /** A manager's organization at a glance. */
    public record Glance(Organization organization, List<Account> locked, List<Account> expiring, int openRequests) {}

    private final AccountTransactions transactions;
    private final Clock clock;
    private final Duration inactivityPeriod;

    RequestQueue(AccountTransactions transactions, Clock clock, Duration inactivityPeriod) {
        this.transactions = transactions;
        this.clock = clock;
        this.inactivityPeriod = inactivityPeriod;
    }

    public Queue of(Actor actor) {
        // Reading a queue decides nothing, so it leaves no audit row (the action names what it would be about).
        return transactions.run(actor, AuditAction.VIEW, unit -> {
            Requester requester = unit.requester();
            Account viewer = requester.account();
            RequestRepository requests = new RequestRepository(unit.dsl());
            boolean manager = requester.isManager() && viewer.isInGoodStanding();
            List<HelpRequest> open;
            if (manager && requester.isHelpDesk()) {
                open = requests.open(null, LIMIT);
            } else if (manager) {
                open = requests.openInOrganizations(requester.reach().organizationIds(), LIMIT).stream()
                        .filter(r -> r.accountId() != viewer.id())
                        .toList();
            } else {
                open = requests.open(List.of(viewer.id()), LIMIT);
            }
            List<RequestDetails> details =
                    open.stream().map(r -> RequestReader.details(unit.dsl(), r)).toList();
            Glance glance = null;
            if (manager) {
                Organization org = unit.organizationOrWorking(null);
                var now = clock.instant();
                glance = new Glance(
                        org,
                        requests.lockedIn(org.id(), 10),
                        requests.expiringIn(
                                org.id(),
                                now.minus(inactivityPeriod),
                                now.minus(inactivityPeriod).plus(EXPIRING_WITHIN),
                                10),
                        requests.openInOrganizations(List.of(org.id()), LIMIT).size());
            }
            return new Queue(viewer, requester.isHelpDesk(), manager, details, glance);
        });
    }
}
