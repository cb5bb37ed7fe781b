package mn.miic.helpdesk.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.accounts.usecases.AccountTransactions;
import mn.miic.helpdesk.accounts.usecases.UnitOfWork;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import mn.miic.helpdesk.outbox.Owed;
import org.jooq.DSLContext;

/**
 * A linked user asks for an unlock, a reset or a reactivation of their own account, also (above all) when it is
 * locked or inactive. The request is saved with the managers it goes to; with none, it is due for the help desk now.
 */
public final class AskForHelp {

    public static final int NOTE_LIMIT = 500;

    /** The saved request and who should be asked, site managers first. */
    public record Asked(RequestDetails request, List<Approver> approvers) {}

    private final AccountTransactions transactions;
    private final Clock clock;
    private final Duration escalateAfter;
    private final int perDay;

    private final DSLContext dsl;
    private volatile Function<Long, Optional<String>> reach = id -> Optional.empty();

    AskForHelp(DSLContext dsl, AccountTransactions transactions, Clock clock, Duration escalateAfter, int perDay) {
        this.dsl = dsl;
        this.transactions = transactions;
        this.clock = clock;
        this.escalateAfter = escalateAfter;
        this.perDay = perDay;
    }

    /**
     * How a manager is found in Slack when they have never used the bot (their account's email); set once at wiring.
     * A lookup that fails finds nobody; it never fails the request.
     */
    public void reachWith(Function<Long, Optional<String>> reach) {
        this.reach = reach;
    }

    public Asked ask(Actor actor, RequestKind kind, String note) {
        Asked asked = askOnce(actor, kind, note);
        mn.miic.helpdesk.observability.Meters.requestAsked(kind.name());
        return asked;
    }

    private Asked askOnce(Actor actor, RequestKind kind, String note) {
        String trimmed = note == null || note.isBlank() ? null : note.trim();
        findApprovers(actor);
        return transactions.run(actor, AuditAction.REQUEST_ASKED, unit -> {
            Account own = unit.requester().account();
            unit.about(own);
            if (trimmed != null && trimmed.length() > NOTE_LIMIT) {
                throw Refusal.notAllowed("Please keep the note under " + NOTE_LIMIT + " characters; it has "
                        + trimmed.length() + ". Nothing was sent.");
            }
            requireOwnAccount(unit, own, trimmed);
            // Held until commit, so two requests at the same moment are counted one after the other.
            Account current = unit.accounts().lockById(own.id()).orElseThrow();
            RequestRepository requests = new RequestRepository(unit.dsl());
            Instant now = clock.instant();
            if (requests.countAskedSince(own.id(), now.minus(Duration.ofDays(1))) >= perDay) {
                throw Refusal.notAllowed("You have already asked " + perDay + " times in the last 24 hours, the most"
                        + " MIIC allows. Please call the MIIC help desk, or try again tomorrow.");
            }
            kind.needlessFor(current).ifPresent(why -> {
                throw Refusal.wrongState(why + " Nothing was sent.");
            });
            if (requests.openOf(own.id(), kind).isPresent()) {
                throw Refusal.wrongState("You already asked for " + (kind == RequestKind.UNLOCK ? "an " : "a ")
                        + kind.label() + " and it is still open. You will get a DM as soon as someone decides;"
                        + " `/miic queue` shows it.");
            }
            Organization org = unit.organizationOf(current);
            List<Approver> approvers = requests.approvers(own.id(), org);
            HelpRequest saved = requests.insert(
                    kind,
                    own.id(),
                    actor.slackUserId(),
                    trimmed,
                    now,
                    approvers.isEmpty() ? now : now.plus(escalateAfter));
            unit.done(
                    "request #" + saved.id() + " (" + kind.label() + ")" + (trimmed == null ? "" : ": " + trimmed),
                    Map.of());
            // Where it goes is decided, and owed, with the request itself: nothing is lost to a crash after this.
            List<String> names = approvers.stream().map(Approver::displayName).toList();
            for (Approver approver : approvers) {
                unit.owe(new Owed.RequestToApprover(saved.id(), approver.slackUserId()));
            }
            unit.owe(new Owed.RequestNotice(saved.id(), actor.slackUserId(), Owed.RequestNotice.Step.ASKED, names));
            RequestLog.write(
                    unit.dsl(),
                    actor,
                    AuditAction.REQUEST_ROUTED,
                    saved,
                    approvers.isEmpty() ? "nobody could be asked; due for the help desk" : "to " + names);
            RequestNews.homes(
                    unit.dsl(),
                    saved,
                    approvers.stream().map(Approver::slackUserId).collect(java.util.stream.Collectors.toSet()),
                    (message, once) -> unit.oweOnce(message));
            return new Asked(new RequestDetails(saved, current, org, null, null), approvers);
        });
    }

    /**
     * Looks for the site's managers in Slack before the request's transaction, which then routes to those linked: a
     * call to Slack must not hold a transaction, and a manager who never typed {@code /miic} is asked all the same.
     */
    private void findApprovers(Actor actor) {
        if (actor.accountId() == null) {
            return;
        }
        Optional<Account> own = new AccountRepository(dsl).findById(actor.accountId());
        if (own.isEmpty()) {
            return;
        }
        Optional<Organization> org =
                new OrganizationRepository(dsl).findById(own.get().organizationId());
        if (org.isEmpty()) {
            return;
        }
        for (long manager :
                new RequestRepository(dsl).approverCandidates(own.get().id(), org.get())) {
            reach.apply(manager);
        }
    }

    /** A request names no one: one that starts with someone else's username is refused, not sent about the asker. */
    private static void requireOwnAccount(UnitOfWork unit, Account own, String note) {
        if (note == null) {
            return;
        }
        String first = note.split("\\s+", 2)[0].replaceFirst("^@", "");
        if (first.equalsIgnoreCase(own.username())) {
            return;
        }
        if (unit.accounts().findByUsername(first).isPresent()) {
            throw Refusal.notAllowed("You can only ask for help with your own MIIC account. For someone else's, their"
                    + " site administrator uses `/miic unlock`, `/miic reset` or `/miic reactivate`. Nothing was"
                    + " sent.");
        }
    }
}
