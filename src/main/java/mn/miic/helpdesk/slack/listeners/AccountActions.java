package mn.miic.helpdesk.slack.listeners;

import java.util.UUID;
import mn.miic.helpdesk.accounts.domain.InactivationReason;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.accounts.usecases.FormOptions;
import mn.miic.helpdesk.accounts.usecases.ViewAccount.AccountCard;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.slack.AccountOp;
import mn.miic.helpdesk.slack.ModalMetadata;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.views.AccountMessages;
import mn.miic.helpdesk.slack.views.AccountModals;

/**
 * The first step of something done to one account, typed ({@code /miic unlock mousem1}) or clicked (a card's button,
 * a search row's menu): the card, the history, a confirmation for unlock, reactivate and reset, the form for edit and
 * inactivate. Each use case authorizes again; nothing changes until the confirmation or the form comes back.
 */
public final class AccountActions {

    private final AccountUseCases accounts;
    private final Conversation conversation;

    public AccountActions(AccountUseCases accounts, Conversation conversation) {
        this.accounts = accounts;
        this.conversation = conversation;
    }

    public void start(Turn turn, AccountOp op, String username) {
        Actor actor = conversation.actor(turn);
        switch (op) {
            case VIEW -> {
                AccountCard card = accounts.view().execute(actor, username);
                conversation.reply(
                        turn, AccountMessages.card(card), card.account().displayName());
            }
            case AUDIT -> {
                var trail = accounts.auditTrail().execute(actor, username, 15);
                conversation.reply(
                        turn,
                        AccountMessages.auditTrail(trail),
                        "History of " + trail.account().displayName());
            }
            case EDIT -> {
                FormOptions.EditForm form = accounts.forms().forEdit(actor, username);
                String meta = new ModalMetadata(
                                form.account().username(), form.account().version(), null, turn.responseUrl())
                        .encode();
                conversation.open(turn, AccountModals.edit(form, meta));
            }
            case INACTIVATE, OFFBOARD -> {
                FormOptions.InactivateForm form = accounts.forms().forInactivate(actor, username);
                AccountCard card = form.card();
                String meta = new ModalMetadata(
                                card.account().username(), card.account().version(), null, turn.responseUrl())
                        .encode();
                conversation.open(
                        turn,
                        AccountModals.inactivate(
                                card,
                                form.helpDesk(),
                                meta,
                                op == AccountOp.OFFBOARD ? InactivationReason.NO_LONGER_WORKS_HERE : null));
            }
            case UNLOCK, REACTIVATE, RESET -> {
                AccountCard card =
                        accounts.view().prepare(actor, username, op.action().orElseThrow());
                if (op == AccountOp.REACTIVATE && card.account().accessUntil() != null) {
                    // A time-limited account comes back with a new last day of access, or none: a form asks.
                    String meta = new ModalMetadata(
                                    card.account().username(), card.account().version(), null, turn.responseUrl())
                            .encode();
                    conversation.open(turn, AccountModals.reactivate(card, meta));
                    return;
                }
                // The nonce makes a double click (or a second instance) act once.
                String nonce = UUID.randomUUID().toString();
                conversation.reply(
                        turn,
                        AccountMessages.confirmation(op, card, nonce),
                        op.label() + " " + card.account().username() + "?");
            }
        }
    }
}
