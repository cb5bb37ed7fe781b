package mn.miic.helpdesk.slack.delivery;

import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.usecases.IssuedPassword;
import mn.miic.helpdesk.accounts.usecases.UndoTemporaryPassword;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.identity.SlackIdentities;
import mn.miic.helpdesk.slack.SlackApi;
import mn.miic.helpdesk.slack.SlackUnavailable;
import mn.miic.helpdesk.slack.views.DeliveryMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPEC 4.4: a temporary password goes by DM to the account's own Slack user, or else to the administrator who acted;
 * it is never in a reply. When no DM can be delivered the password is undone, so the old one keeps working. The
 * affected user hears of every change to their account, and who made it.
 */
public final class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final SlackApi slack;
    private final SlackIdentities identities;
    private final UndoTemporaryPassword undo;

    public Deliveries(SlackApi slack, SlackIdentities identities, UndoTemporaryPassword undo) {
        this.slack = slack;
        this.identities = identities;
        this.undo = undo;
    }

    /**
     * @param by the administrator who added or reset, as their Slack user and account
     * @return the sentence for the administrator's reply: where the password went, or that it was undone
     */
    public String deliverPassword(Actor actor, Account by, IssuedPassword issued, boolean added) {
        Account target = issued.account();
        String owner = identities.slackUserOf(target.id()).orElse(null);
        try {
            if (owner != null
                    && slack.directMessage(
                            owner,
                            DeliveryMessages.PASSWORD_FALLBACK,
                            DeliveryMessages.passwordToOwner(issued, by, added))) {
                log.info("temporary password for account {} delivered by DM to its owner", target.id());
                return DeliveryMessages.sentToOwner(target, owner);
            }
            if (slack.directMessage(
                    actor.slackUserId(),
                    DeliveryMessages.PASSWORD_FALLBACK,
                    DeliveryMessages.passwordToAdministrator(issued, added))) {
                log.info("temporary password for account {} delivered by DM to the administrator", target.id());
                return DeliveryMessages.sentToAdministrator(target);
            }
        } catch (SlackUnavailable e) {
            log.warn("could not deliver a temporary password for account {}", target.id(), e);
        }
        return undo(actor, issued, added);
    }

    private String undo(Actor actor, IssuedPassword issued, boolean added) {
        try {
            undo.execute(
                    new Actor(actor.accountId(), actor.slackUserId(), actor.requestId()),
                    issued.undo(),
                    "the temporary password could not be delivered by Slack DM");
            return DeliveryMessages.undone(issued.account(), added);
        } catch (Refusal e) {
            return DeliveryMessages.notUndone(issued.account(), e.getMessage());
        }
    }

    /** Tells the account's owner, if their Slack is linked and they are not who did it. */
    public void tellOwner(Account target, Account by, String whatHappened) {
        if (target.id() == by.id()) {
            return;
        }
        identities.slackUserOf(target.id()).ifPresent(owner -> {
            try {
                String text = DeliveryMessages.changeNotice(whatHappened, by);
                slack.directMessage(owner, text, DeliveryMessages.notice(text));
            } catch (SlackUnavailable e) {
                log.warn("could not tell account {} of a change", target.id(), e);
            }
        });
    }
}
