package mn.miic.helpdesk.slack.delivery;

import com.slack.api.model.block.LayoutBlock;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.password.TemporaryPassword;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.accounts.usecases.IssuedPassword;
import mn.miic.helpdesk.identity.SlackIdentities;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import mn.miic.helpdesk.outbox.Courier;
import mn.miic.helpdesk.outbox.Delivery;
import mn.miic.helpdesk.outbox.OutboxWorker;
import mn.miic.helpdesk.outbox.Owed;
import mn.miic.helpdesk.outbox.OwedMessage;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.slack.Replies;
import mn.miic.helpdesk.slack.ReplyTo;
import mn.miic.helpdesk.slack.SlackApi;
import mn.miic.helpdesk.slack.SlackRateLimited;
import mn.miic.helpdesk.slack.SlackUnavailable;
import mn.miic.helpdesk.slack.views.AccountMessages;
import mn.miic.helpdesk.slack.views.DeliveryMessages;
import org.jooq.DSLContext;

/**
 * Carries what the outbox holds into Slack (SPEC 4.4): each kind of message to its person, shown as its view says.
 * One attempt per call, with a Slack client that never waits: a 429 or an outage is handed back as the time of the
 * next attempt.
 */
public final class SlackCourier implements Courier {

    private final SlackApi slack;
    private final SlackIdentities identities;
    private final DSLContext dsl;
    private final Clock clock;
    private final Sends sends;
    private final RequestDeliveries requests;
    private final SweepDeliveries sweep;
    private final ComplianceDeliveries compliance;
    private final BiConsumer<SlackApi, String> publishHome;

    /**
     * @param slack a client {@link SlackApi#withoutWaiting() without waiting}
     * @param publishHome publishes someone's App Home as it is now, with that client
     */
    public SlackCourier(
            SlackApi slack,
            SlackIdentities identities,
            DSLContext dsl,
            RequestUseCases requests,
            Optional<String> helpDeskChannel,
            BiConsumer<SlackApi, String> publishHome,
            Clock clock) {
        this.slack = slack;
        this.identities = identities;
        this.dsl = dsl;
        this.clock = clock;
        this.sends = new Sends(slack);
        this.requests = new RequestDeliveries(sends, requests, dsl, helpDeskChannel);
        this.sweep = new SweepDeliveries(sends, identities, dsl, helpDeskChannel);
        this.compliance = new ComplianceDeliveries(sends, identities, dsl, helpDeskChannel);
        this.publishHome = publishHome;
    }

    @Override
    public Delivery deliver(OwedMessage message, Optional<OwedMessage> before, Supplier<TemporaryPassword> secret) {
        try {
            Owed owed = message.owed();
            if (owed instanceof Owed.TemporaryPassword password) {
                return password(password, secret);
            }
            if (owed instanceof Owed.PasswordReport report) {
                return report(report, before.orElseThrow());
            }
            if (owed instanceof Owed.ChangeNotice notice) {
                return notice(notice);
            }
            return others(owed, before);
        } catch (SlackRateLimited e) {
            return new Delivery.Retry(clock.instant().plus(e.retryAfter()), e.getMessage());
        } catch (SlackUnavailable e) {
            return new Delivery.Retry(clock.instant().plus(OutboxWorker.backoff(message.attempts())), e.getMessage());
        }
    }

    private Delivery others(Owed owed, Optional<OwedMessage> before) {
        if (owed instanceof Owed.RequestOutcome outcome) {
            return requests.outcome(outcome, before);
        }
        if (owed instanceof Owed.RequestToApprover r) {
            return requests.toApprover(r);
        }
        if (owed instanceof Owed.RequestToHelpDesk r) {
            return requests.toHelpDesk(r);
        }
        if (owed instanceof Owed.RequestCopyUpdate u) {
            return requests.update(u);
        }
        if (owed instanceof Owed.RequestNotice n) {
            return requests.notice(n);
        }
        if (owed instanceof Owed.HelpDeskQuestion q) {
            return requests.question(q);
        }
        if (owed instanceof Owed.HomeRefresh h) {
            publishHome.accept(slack, h.slackUserId());
            return new Delivery.Delivered("published the App Home", null, null);
        }
        if (owed instanceof Owed.AccountExpired e) {
            return sweep.expired(e);
        }
        if (owed instanceof Owed.ExpiredAccountsReport r) {
            return sweep.report(r);
        }
        if (owed instanceof Owed.ExpiryWarning w) {
            return sweep.warning(w);
        }
        if (owed instanceof Owed.LockedOut l) {
            return sweep.lockedOut(l);
        }
        if (owed instanceof Owed.PasswordExpired p) {
            return sweep.passwordExpired(p);
        }
        if (owed instanceof Owed.LastAdministratorGone g) {
            return sweep.lastAdministratorGone(g);
        }
        if (owed instanceof Owed.DuaReminder r) {
            return compliance.duaReminder(r);
        }
        if (owed instanceof Owed.Offboarded o) {
            return compliance.offboarded(o);
        }
        if (owed instanceof Owed.ReviewAssigned r) {
            return compliance.reviewAssigned(r);
        }
        if (owed instanceof Owed.ReviewToHelpDesk r) {
            return compliance.reviewToHelpDesk(r);
        }
        if (owed instanceof Owed.AccessEnding w) {
            return compliance.accessEnding(w);
        }
        if (owed instanceof Owed.AccessEnded e) {
            return compliance.accessEnded(e);
        }
        throw new IllegalStateException("no courier for " + owed.getClass().getSimpleName());
    }

    /** To the account's own Slack user, else to the administrator who issued it; never an obsolete password. */
    private Delivery password(Owed.TemporaryPassword p, Supplier<TemporaryPassword> secret) {
        AccountRepository accounts = new AccountRepository(dsl);
        if (!p.issuedHash().equals(accounts.credential(p.accountId()).passwordHash())) {
            return new Delivery.Skipped("superseded: the account's password changed before it was delivered");
        }
        Account target = accounts.findById(p.accountId()).orElseThrow();
        Account by = accounts.findById(p.issuedBy()).orElseThrow();
        Organization org = new OrganizationRepository(dsl)
                .findById(target.organizationId())
                .orElseThrow();
        IssuedPassword issued = new IssuedPassword(target, org, secret.get(), 0);
        Optional<String> owner = identities.reach(target.id());
        String refusedOwner = "its Slack is not linked";
        if (owner.isPresent()) {
            SlackApi.Sent sent = slack.send(
                    owner.get(),
                    DeliveryMessages.PASSWORD_FALLBACK,
                    DeliveryMessages.passwordToOwner(issued, by, p.added()));
            if (sent.ok()) {
                return new Delivery.Delivered(DeliveryMessages.sentToOwner(target, owner.get()), null, null);
            }
            refusedOwner = "Slack said " + sent.error();
        }
        String refusedAdministrator = "no Slack user";
        if (p.issuedBySlackUserId() != null) {
            SlackApi.Sent sent = slack.send(
                    p.issuedBySlackUserId(),
                    DeliveryMessages.PASSWORD_FALLBACK,
                    DeliveryMessages.passwordToAdministrator(issued, p.added()));
            if (sent.ok()) {
                return new Delivery.Delivered(DeliveryMessages.sentToAdministrator(target), null, null);
            }
            refusedAdministrator = "Slack said " + sent.error();
        }
        return new Delivery.Refused("no DM could be delivered: to the account's owner (" + refusedOwner
                + "), to the administrator (" + refusedAdministrator + ")");
    }

    /** What became of a temporary password, where the administrator asked (in place of their confirmation), or by DM. */
    private Delivery report(Owed.PasswordReport r, OwedMessage password) {
        Account target = new AccountRepository(dsl).findById(r.accountId()).orElseThrow();
        Organization org = new OrganizationRepository(dsl)
                .findById(target.organizationId())
                .orElseThrow();
        String text =
                switch (password.status()) {
                    case DELIVERED -> DeliveryMessages.done(target, org, r.added()) + " " + password.outcome();
                    case UNDONE -> DeliveryMessages.undone(target, r.added());
                    case SKIPPED -> DeliveryMessages.notSent(target, password.outcome());
                    default -> DeliveryMessages.notUndone(target, password.outcome());
                };
        ReplyTo where = ReplyTo.decode(r.responseUrl());
        if (where != null) {
            var reply = where.inPlace()
                    ? Replies.replacing(AccountMessages.say(text), text)
                    : Replies.ephemeral(AccountMessages.say(text), text);
            if (slack.respond(where.responseUrl(), reply)) {
                return new Delivery.Delivered("reported where the administrator asked", null, null);
            }
        }
        return dm(r.administratorSlackUserId(), text, AccountMessages.say(text), "reported to the administrator by DM");
    }

    private Delivery notice(Owed.ChangeNotice n) {
        if (n.accountId() == n.byAccountId()) {
            return new Delivery.Skipped("they made the change themselves");
        }
        Optional<String> owner = identities.reach(n.accountId());
        if (owner.isEmpty()) {
            return new Delivery.Skipped("the account has no linked Slack user to tell");
        }
        Account by = new AccountRepository(dsl).findById(n.byAccountId()).orElseThrow();
        String text = DeliveryMessages.changeNotice(n.whatHappened(), by);
        return dm(owner.get(), text, DeliveryMessages.notice(text), "told its owner by DM");
    }

    private Delivery dm(String slackUserId, String text, List<LayoutBlock> blocks, String where) {
        return sends.dm(slackUserId, text, blocks, where);
    }
}
