package mn.miic.helpdesk.requests;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.usecases.AccountTransactions;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.accounts.usecases.IssuedPassword;
import mn.miic.helpdesk.accounts.usecases.Together;
import mn.miic.helpdesk.accounts.usecases.UnitOfWork;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.outbox.Owed;
import org.jooq.DSLContext;

/**
 * Approve, deny or claim a request. Approving runs the same use case as the matching {@code /miic} command with the
 * approver as requester, so every rule and audit of that command applies; the request's decision is claimed inside
 * that same transaction, so the first decision wins and a refused approval leaves the request open.
 */
public final class DecideRequest {

    /** What an approval did: the account after it, and for a reset the password to deliver. */
    public record Approved(RequestDetails request, Account account, IssuedPassword issued) {}

    private final DSLContext dsl;
    private final AccountTransactions transactions;
    private final AccountUseCases accounts;
    private final AccessPolicy policy;
    private final Clock clock;
    private final Outbox outbox;

    DecideRequest(
            DSLContext dsl,
            AccountTransactions transactions,
            AccountUseCases accounts,
            AccessPolicy policy,
            Clock clock) {
        this.dsl = dsl;
        this.transactions = transactions;
        this.accounts = accounts;
        this.policy = policy;
        this.clock = clock;
        this.outbox = transactions.outbox();
    }

    public RequestDetails details(long requestId) {
        return RequestReader.details(dsl, requestId);
    }

    public Approved approve(Actor actor, long requestId) {
        RequestDetails before = details(requestId);
        HelpRequest request = before.request();
        // The first decision wins: it is claimed in the approving change's own transaction, so a refused change
        // leaves the request open, and the requester's notice is owed with it (after its password, for a reset).
        Together first = new Together() {
            @Override
            public boolean claim(UnitOfWork unit) {
                boolean won = new RequestRepository(unit.dsl())
                        .decide(requestId, RequestStatus.APPROVED, actor.accountId(), clock.instant(), null);
                if (won) {
                    RequestLog.write(unit.dsl(), actor, AuditAction.REQUEST_APPROVED, request, null);
                }
                return won;
            }

            @Override
            public void then(UnitOfWork unit) {
                Outbox.Options options = Outbox.Options.none();
                Optional<Long> password = unit.owedOf(Owed.TemporaryPassword.class);
                if (password.isPresent()) {
                    options = options.after(password.get());
                }
                unit.owe(new Owed.RequestOutcome(requestId, request.requesterSlackId()), options);
                RequestNews.changed(unit.dsl(), request, owing(unit));
            }

            @Override
            public boolean tellsTheOwner() {
                return true;
            }

            @Override
            public java.util.OptionalLong accountId() {
                return java.util.OptionalLong.of(request.accountId());
            }
        };
        String username = before.account().username();
        try {
            Account after = null;
            IssuedPassword issued = null;
            switch (request.kind()) {
                case UNLOCK -> after = accounts.unlock().execute(actor, username, first);
                case REACTIVATE -> after = accounts.reactivate().execute(actor, username, first);
                case RESET -> {
                    issued = accounts.reset().execute(actor, username, first);
                    after = issued.account();
                }
            }
            // Read after the change committed, so that it shows who decided.
            Approved approved = new Approved(details(requestId), after, issued);
            measureDecision(approved.request());
            return approved;
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.WRONG_STATE) {
                closeAsNoLongerNeeded(actor, request, refusal.getMessage());
            }
            throw refusal;
        }
    }

    public RequestDetails deny(Actor actor, long requestId, String note) {
        RequestDetails denied = denyOnce(actor, requestId, note);
        measureDecision(denied);
        return denied;
    }

    private RequestDetails denyOnce(Actor actor, long requestId, String note) {
        String reason = note == null || note.isBlank() ? null : note.trim();
        return transactions.run(actor, AuditAction.REQUEST_DENIED, unit -> {
            RequestDetails d = RequestReader.details(unit.dsl(), requestId);
            unit.about(d.account());
            requireMayDecide(unit, d);
            if (!new RequestRepository(unit.dsl())
                    .decide(requestId, RequestStatus.DENIED, actor.accountId(), clock.instant(), reason)) {
                throw Refusal.alreadyDone();
            }
            unit.done(
                    "request #" + requestId + " (" + d.request().kind().label() + ")"
                            + (reason == null ? "" : ": " + reason),
                    Map.of());
            unit.owe(new Owed.RequestOutcome(requestId, d.request().requesterSlackId()));
            RequestNews.changed(unit.dsl(), d.request(), owing(unit));
            return RequestReader.details(unit.dsl(), requestId);
        });
    }

    /**
     * Opening the form that denies is authorized like the denial: someone who may not decide the request sees nothing
     * of it, whatever message the button was in. Refusals are audited; an allowed opening changes nothing.
     */
    public RequestDetails startDeny(Actor actor, long requestId) {
        return transactions.run(actor, AuditAction.REQUEST_DENIED, unit -> {
            RequestDetails d = RequestReader.details(unit.dsl(), requestId);
            unit.about(d.account());
            requireMayDecide(unit, d);
            return d;
        });
    }

    private void requireMayDecide(UnitOfWork unit, RequestDetails d) {
        policy.requireManager(unit.requester(), "decide requests for help");
        policy.requireCanManage(unit.requester(), d.account(), d.account().username(), "decide requests about");
    }

    /** The help desk takes a request in its channel, so that two agents do not work on the same one. */
    public RequestDetails claim(Actor actor, long requestId) {
        RequestDetails claimed = claimOnce(actor, requestId);
        HelpRequest r = claimed.request();
        if (r.claimedAt() != null) {
            mn.miic.helpdesk.observability.Meters.requestFirstResponse(
                    java.time.Duration.between(r.askedAt(), r.claimedAt()), "help_desk");
        }
        return claimed;
    }

    /** The figures of a decision just committed (the Prometheus side of {@code /miic stats}). */
    private void measureDecision(RequestDetails d) {
        HelpRequest r = d.request();
        if (r.decidedAt() == null || d.decidedBy() == null) {
            return;
        }
        String by = new mn.miic.helpdesk.organizations.OrganizationRepository(dsl)
                        .findById(d.decidedBy().organizationId())
                        .map(mn.miic.helpdesk.organizations.Organization::isHelpDesk)
                        .orElse(false)
                ? "help_desk"
                : "site";
        java.time.Duration took = java.time.Duration.between(r.askedAt(), r.decidedAt());
        mn.miic.helpdesk.observability.Meters.requestDecided(
                took, by, r.status().name().toLowerCase(java.util.Locale.ROOT));
        if (r.claimedAt() == null) {
            mn.miic.helpdesk.observability.Meters.requestFirstResponse(took, by);
        }
    }

    private RequestDetails claimOnce(Actor actor, long requestId) {
        return transactions.run(actor, AuditAction.REQUEST_CLAIMED, unit -> {
            RequestDetails d = RequestReader.details(unit.dsl(), requestId);
            unit.about(d.account());
            if (!unit.requester().isHelpDesk()) {
                throw Refusal.notAllowed("Only the MIIC help desk claims requests in the help-desk channel.");
            }
            // An agent locked out or inactive is refused like any manager would be.
            policy.requireManager(unit.requester(), "claim requests for help");
            if (!new RequestRepository(unit.dsl()).claim(requestId, actor.accountId(), clock.instant())) {
                throw Refusal.alreadyDone();
            }
            unit.done("request #" + requestId + " (" + d.request().kind().label() + ")", Map.of());
            unit.owe(new Owed.RequestNotice(
                    requestId, d.request().requesterSlackId(), Owed.RequestNotice.Step.CLAIMED, List.of()));
            RequestNews.changed(unit.dsl(), d.request(), owing(unit));
            return RequestReader.details(unit.dsl(), requestId);
        });
    }

    /**
     * A copy of a request went out (to an approver, or the help-desk channel): remembered, so that it is updated when
     * the request changes. One that went out after the request was decided is brought up to date at once.
     */
    public void copyShown(RequestRepository.Message copy) {
        dsl.transaction(cfg -> {
            RequestRepository requests = new RequestRepository(cfg.dsl());
            requests.addMessage(copy);
            HelpRequest request = requests.findById(copy.requestId()).orElseThrow();
            if (!request.isOpen()) {
                outbox.owe(
                        cfg.dsl(),
                        new Owed.RequestCopyUpdate(
                                request.id(),
                                copy.channel(),
                                copy.ts(),
                                copy.audience() == RequestRepository.Audience.HELPDESK),
                        Outbox.Options.none());
            }
        });
    }

    private static RequestNews.Owe owing(UnitOfWork unit) {
        return (message, once) -> {
            if (once) {
                unit.oweOnce(message);
            } else {
                unit.owe(message);
            }
        };
    }

    private void closeAsNoLongerNeeded(Actor actor, HelpRequest request, String why) {
        dsl.transaction(cfg -> {
            if (new RequestRepository(cfg.dsl())
                    .decide(request.id(), RequestStatus.EXPIRED, actor.accountId(), clock.instant(), why)) {
                RequestLog.write(cfg.dsl(), actor, AuditAction.REQUEST_EXPIRED, request, "no longer needed: " + why);
                RequestNews.Owe owe = RequestNews.into(cfg.dsl(), outbox, actor.requestId());
                owe.owe(new Owed.RequestOutcome(request.id(), request.requesterSlackId()), false);
                RequestNews.changed(cfg.dsl(), request, owe);
            }
        });
    }
}
