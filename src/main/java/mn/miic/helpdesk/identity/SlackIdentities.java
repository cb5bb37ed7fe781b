package mn.miic.helpdesk.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Emails;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.accounts.usecases.AccountTransactions;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.audit.Change;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is who between Slack and MIIC (SPEC 4.5), kept true. A Slack user is the account their link names while the
 * link holds: they are still a member of the workspace (not deactivated, a guest, of another workspace or a bot) and
 * their profile's email, and the account's, are still the email the link was made from. A link that no longer holds
 * is dropped, and the drop audited with its reason. Where there is no link, one is made on the spot from the email:
 * the Slack user's profile email when they write to the bot, the account's email (users.lookupByEmail) when the bot
 * needs to reach the account's owner. The help desk links the rest by hand.
 */
public final class SlackIdentities {

    private static final Logger log = LoggerFactory.getLogger(SlackIdentities.class);

    private final DSLContext dsl;
    private final SlackLinks links;
    private final AccountTransactions transactions;
    private final SlackDirectory directory;

    public SlackIdentities(DSLContext dsl, AccountTransactions transactions, SlackDirectory directory) {
        this.dsl = dsl;
        this.links = new SlackLinks(dsl);
        this.transactions = transactions;
        this.directory = directory;
    }

    /** The MIIC account of a Slack user who wrote to the bot, or why there is none. */
    public Identity resolve(String slackUserId, String requestId) {
        SlackMember member = directory.member(slackUserId).orElse(null);
        Optional<SlackLinks.Link> link = links.ofSlackUser(slackUserId);
        if (member != null && member.whyNot().isPresent()) {
            link.ifPresent(l -> drop(l, member.whyNot().get()));
            return new Identity.NotLinked(member.whyNot().get());
        }
        if (link.isPresent()) {
            Optional<Account> account =
                    new AccountRepository(dsl).findById(link.get().accountId());
            Optional<String> untrue = account.flatMap(a -> untrue(link.get(), member, a));
            if (account.isPresent() && untrue.isEmpty()) {
                return new Identity.Linked(account.get());
            }
            untrue.ifPresent(why -> drop(link.get(), why));
        }
        Optional<String> email = member == null ? Optional.empty() : member.normalizedEmail();
        if (email.isEmpty()) {
            return new Identity.NotLinked("Your Slack user is not linked to a MIIC account yet, and your Slack profile"
                    + " shows no email to match it by. Ask the MIIC help desk (" + AccessPolicy.HELP_DESK_EMAIL
                    + ") to link you, and tell them your MIIC username.");
        }
        List<Long> matches = links.accountsWithEmail(email.get());
        if (matches.size() != 1) {
            return new Identity.NotLinked("Your Slack user is not linked to a MIIC account yet: no MIIC account has"
                    + " the email " + email.get() + ". Ask your site's MIIC administrator to put this email on your"
                    + " MIIC account (/miic edit), or ask the MIIC help desk (" + AccessPolicy.HELP_DESK_EMAIL
                    + ") to link you.");
        }
        long accountId = matches.get(0);
        if (links.offboarded(accountId)) {
            return new Identity.NotLinked("The MIIC account with the email " + email.get() + " was offboarded: its"
                    + " person no longer works for that site, so it is not linked to Slack any more. If you work at a"
                    + " MIIC site, ask its administrator for an account of your own, or the MIIC help desk ("
                    + AccessPolicy.HELP_DESK_EMAIL + ").");
        }
        // Linked to this very Slack user means a first command at the same instant linked it a moment ago.
        if (links.slackUserOf(accountId)
                .filter(other -> !other.equals(slackUserId))
                .isPresent()) {
            return new Identity.NotLinked("The MIIC account with the email " + email.get() + " is already linked to"
                    + " another Slack user. Ask the MIIC help desk (" + AccessPolicy.HELP_DESK_EMAIL
                    + ") to sort it out.");
        }
        linkFound(
                slackUserId,
                accountId,
                email.get(),
                requestId,
                "linked automatically: the Slack profile's email matches");
        return new Identity.Linked(
                new AccountRepository(dsl).findById(accountId).orElseThrow());
    }

    /**
     * The Slack user who owns an account, found as the bot needs them (to tell them, ask them, give them a password):
     * the link while it holds, else the workspace member whose profile has the account's email. Empty when there is
     * nobody to reach; an outage or a rate limit of Slack's is thrown, so that a delivery tries again later.
     */
    public Optional<String> reach(long accountId) {
        Optional<Account> account = new AccountRepository(dsl).findById(accountId);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Optional<SlackLinks.Link> link = links.ofAccount(accountId);
        if (link.isPresent()) {
            SlackMember member = directory.member(link.get().slackUserId()).orElse(null);
            Optional<String> untrue = member == null
                    ? Optional.of("Slack no longer knows this Slack user")
                    : member.whyNot().or(() -> untrue(link.get(), member, account.get()));
            if (untrue.isEmpty()) {
                return Optional.of(link.get().slackUserId());
            }
            drop(link.get(), untrue.get());
        }
        Optional<String> email = Emails.normalized(account.get().email());
        if (email.isEmpty() || links.accountsWithEmail(email.get()).size() != 1 || links.offboarded(accountId)) {
            return Optional.empty();
        }
        Optional<SlackMember> found = directory.memberWithEmail(email.get());
        if (found.isEmpty() || found.get().whyNot().isPresent()) {
            return Optional.empty();
        }
        String slackUserId = found.get().slackUserId();
        // A Slack user linked by hand to another account keeps that link.
        if (links.accountOf(slackUserId).filter(other -> other != accountId).isPresent()) {
            return Optional.empty();
        }
        linkFound(slackUserId, accountId, email.get(), null, "found in Slack by the account's email");
        return Optional.of(slackUserId);
    }

    /**
     * Slack says a user changed (the {@code user_change} event): their link is dropped at once when they are no longer
     * a member the bot may act for, or their profile's email is no longer the one the link was made from.
     */
    public void changed(SlackMember member) {
        directory.forget(member.slackUserId());
        Optional<SlackLinks.Link> link = links.ofSlackUser(member.slackUserId());
        if (link.isEmpty()) {
            return;
        }
        Optional<Account> account =
                new AccountRepository(dsl).findById(link.get().accountId());
        member.whyNot()
                .or(() -> account.flatMap(a -> untrue(link.get(), member, a)))
                .ifPresent(why -> drop(link.get(), why));
    }

    /** Like {@link #reach} for a step that must not fail because Slack cannot answer now: nobody is reached then. */
    public Optional<String> reachIfSlackAnswers(long accountId) {
        try {
            return reach(accountId);
        } catch (RuntimeException e) {
            log.warn("could not look up the Slack user of account {}: {}", accountId, e.toString());
            return links.slackUserOf(accountId);
        }
    }

    /** Why a link no longer holds, if it does not: the email it was made from is no longer the profile's or the account's. */
    private static Optional<String> untrue(SlackLinks.Link link, SlackMember member, Account account) {
        if (link.email() == null) {
            return Optional.empty();
        }
        if (member != null
                && member.normalizedEmail().filter(link.email()::equals).isEmpty()) {
            return Optional.of("the Slack profile's email is no longer " + link.email());
        }
        if (!Emails.same(link.email(), account.email())) {
            return Optional.of("the account's email is no longer " + link.email());
        }
        return Optional.empty();
    }

    private void linkFound(String slackUserId, long accountId, String email, String requestId, String why) {
        Actor actor = new Actor(
                accountId, slackUserId, requestId == null ? UUID.randomUUID().toString() : requestId);
        transactions.run(actor, AuditAction.LINK_SLACK_USER, unit -> {
            unit.about(unit.requester().account());
            // Two first commands at once both get here; the second finds the link made and has nothing to record.
            if (new SlackLinks(unit.dsl()).link(slackUserId, accountId, null, email)) {
                unit.done(why, Map.of("slack_user", new Change(null, slackUserId)));
            }
            return null;
        });
    }

    /** Drops a link that no longer holds, and audits why; a link already changed by someone else is left alone. */
    private void drop(SlackLinks.Link link, String why) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            if (!new SlackLinks(tx).drop(link)) {
                return;
            }
            Account account =
                    new AccountRepository(tx).findById(link.accountId()).orElse(null);
            Organization org = account == null
                    ? null
                    : new OrganizationRepository(tx)
                            .findById(account.organizationId())
                            .orElse(null);
            new AuditLog(tx)
                    .done(
                            new Actor(
                                    null, link.slackUserId(), UUID.randomUUID().toString()),
                            null,
                            AuditAction.UNLINK_SLACK_USER,
                            new AuditLog.Subject(
                                    link.accountId(),
                                    account == null ? null : account.username(),
                                    org == null ? null : org.id(),
                                    org == null ? null : org.code()),
                            why,
                            Map.of("slack_user", new Change(link.slackUserId(), null)));
        });
        log.info("dropped the Slack link of account {}: {}", link.accountId(), why);
    }

    /** The Slack user an account is linked to now, as stored: for what only shows the link, never to deliver. */
    public Optional<String> slackUserOf(long accountId) {
        return links.slackUserOf(accountId);
    }

    /**
     * The account a Slack mention names, for commands that take a target: found as a first command finds its writer
     * (the link while it holds, else the account with the member's profile email), so that naming a colleague who
     * never used the bot works; a guest, a stranger or a bot names nobody.
     */
    public Optional<Account> accountMentioned(String slackUserId, String requestId) {
        return resolve(slackUserId, requestId) instanceof Identity.Linked linked
                ? Optional.of(linked.account())
                : Optional.empty();
    }

    /**
     * The help desk drops a link by hand ({@code /miic unlink}): named by the Slack user, or by the account's username.
     *
     * @return the Slack user who was linked
     */
    public String unlinkByHand(Actor actor, String slackUserId, String username) {
        return transactions.run(actor, AuditAction.UNLINK_SLACK_USER, unit -> {
            unit.about(username == null ? slackUserId : username);
            if (!unit.requester().isHelpDesk() || !unit.requester().account().isInGoodStanding()) {
                throw Refusal.notAllowed("Only the MIIC help desk can unlink Slack users from MIIC accounts.");
            }
            SlackLinks inThisTransaction = new SlackLinks(unit.dsl());
            Optional<SlackLinks.Link> link;
            if (username != null) {
                Account target = unit.accounts().findByUsername(username).orElseThrow(() -> Refusal.notFound(username));
                unit.about(target);
                link = inThisTransaction.ofAccount(target.id());
            } else {
                link = inThisTransaction.ofSlackUser(slackUserId);
                link.flatMap(l -> unit.accounts().findById(l.accountId())).ifPresent(unit::about);
            }
            if (link.isEmpty() || !inThisTransaction.drop(link.get())) {
                throw Refusal.wrongState("There is no Slack link to drop: "
                        + (username != null
                                ? "the MIIC account " + username + " is not linked to a Slack user."
                                : "That Slack user is not linked to a MIIC account."));
            }
            unit.done(
                    "unlinked by hand",
                    Map.of("slack_user", new Change(link.get().slackUserId(), null)));
            return link.get().slackUserId();
        });
    }

    /** The help desk links a Slack user to an account by hand ({@code /miic link}). */
    public Account linkByHand(Actor actor, String slackUserId, String username) {
        return transactions.run(actor, AuditAction.LINK_SLACK_USER, unit -> {
            unit.about(username);
            if (!unit.requester().isHelpDesk() || !unit.requester().account().isInGoodStanding()) {
                throw Refusal.notAllowed("Only the MIIC help desk can link Slack users to MIIC accounts by hand.");
            }
            Account target = unit.accounts().findByUsername(username).orElseThrow(() -> Refusal.notFound(username));
            unit.about(target);
            SlackLinks inThisTransaction = new SlackLinks(unit.dsl());
            String before = inThisTransaction.slackUserOf(target.id()).orElse(null);
            if (!inThisTransaction.link(
                    slackUserId, target.id(), unit.requester().account().id())) {
                unit.done("already linked so; nothing changed", Map.of());
                return target;
            }
            unit.done("linked by hand", Map.of("slack_user", new Change(before, slackUserId)));
            return target;
        });
    }
}
