package mn.miic.helpdesk.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.accounts.usecases.AccountTransactions;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.Change;
import org.jooq.DSLContext;

/**
 * Finds the MIIC account behind a Slack user (SPEC 4.5): the stored link, or else a link made on the spot when the
 * Slack profile's email matches exactly one account. The help desk links the rest by hand.
 */
public final class SlackIdentities {

    private final DSLContext dsl;
    private final SlackLinks links;
    private final AccountTransactions transactions;

    public SlackIdentities(DSLContext dsl, AccountTransactions transactions) {
        this.dsl = dsl;
        this.links = new SlackLinks(dsl);
        this.transactions = transactions;
    }

    /**
     * @param profileEmail looks up the Slack profile's email; called only for a Slack user not linked yet
     */
    public Identity resolve(String slackUserId, String requestId, Function<String, Optional<String>> profileEmail) {
        Optional<Long> linked = links.accountOf(slackUserId);
        if (linked.isPresent()) {
            Optional<Account> account = new AccountRepository(dsl).findById(linked.get());
            if (account.isPresent()) {
                return new Identity.Linked(account.get());
            }
        }
        Optional<String> email = profileEmail.apply(slackUserId).filter(e -> !e.isBlank());
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
        // Linked to this very Slack user means a first command at the same instant linked it a moment ago.
        if (links.slackUserOf(accountId)
                .filter(other -> !other.equals(slackUserId))
                .isPresent()) {
            return new Identity.NotLinked("The MIIC account with the email " + email.get() + " is already linked to"
                    + " another Slack user. Ask the MIIC help desk (" + AccessPolicy.HELP_DESK_EMAIL
                    + ") to sort it out.");
        }
        transactions.run(new Actor(accountId, slackUserId, requestId), AuditAction.LINK_SLACK_USER, unit -> {
            unit.about(unit.requester().account());
            // Two first commands at once both get here; the second finds the link made and has nothing to record.
            if (new SlackLinks(unit.dsl()).link(slackUserId, accountId, null)) {
                unit.done("linked automatically: the Slack profile's email matches", Map.of());
            }
            return null;
        });
        return new Identity.Linked(
                new AccountRepository(dsl).findById(accountId).orElseThrow());
    }

    /** The Slack user an account is linked to, for DMs. */
    public Optional<String> slackUserOf(long accountId) {
        return links.slackUserOf(accountId);
    }

    /** The account a Slack mention names, as its username, for commands that take a target. */
    public Optional<String> usernameOf(String slackUserId) {
        return links.accountOf(slackUserId)
                .flatMap(id -> new AccountRepository(dsl).findById(id))
                .map(Account::username);
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
