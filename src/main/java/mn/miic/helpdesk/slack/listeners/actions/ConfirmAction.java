package mn.miic.helpdesk.slack.listeners.actions;

import java.util.List;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.slack.AccountOp;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.ReplyTo;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.AccountMessages;
import mn.miic.helpdesk.slack.views.Text;

/**
 * The confirmation's yes for unlock, reactivate and reset. Its nonce makes a double click (or a click handled by two
 * instances) act once. A reset's outcome takes the confirmation's place once its password has gone, or could not.
 */
public final class ConfirmAction implements Action {

    private final AccountUseCases accounts;
    private final Conversation conversation;

    public ConfirmAction(AccountUseCases accounts, Conversation conversation) {
        this.accounts = accounts;
        this.conversation = conversation;
    }

    @Override
    public List<String> actionIds() {
        return List.of(Ids.Actions.CONFIRM);
    }

    @Override
    public void handle(Turn turn, String value) {
        AccountOp.Value v =
                AccountOp.Value.decode(value).filter(x -> x.nonce() != null).orElseThrow(AccountMenuAction::unreadable);
        Actor actor = conversation.actor(turn).once("confirm:" + v.nonce());
        switch (v.op()) {
            case UNLOCK -> {
                Account after = accounts.unlock().execute(actor, v.username());
                done(
                        turn,
                        ":white_check_mark: Unlocked " + Text.boldName(after) + ". They can sign in with their"
                                + " current password"
                                + (after.isActive()
                                        ? "."
                                        : ", once the account is reactivated ("
                                                + after.status().label() + ")."));
            }
            case REACTIVATE -> {
                Account after = accounts.reactivate().execute(actor, v.username());
                done(
                        turn,
                        ":white_check_mark: Reactivated " + Text.boldName(after) + "."
                                + (after.locked()
                                        ? " The account is still locked: `/miic unlock " + after.username() + "`."
                                        : ""));
            }
            case RESET -> accounts.reset()
                    .execute(actor.replyingTo(ReplyTo.inPlaceOf(turn.responseUrl())), v.username());
            default -> throw AccountMenuAction.unreadable();
        }
    }

    private void done(Turn turn, String outcome) {
        conversation.replace(turn, AccountMessages.say(outcome), "Done");
    }
}
