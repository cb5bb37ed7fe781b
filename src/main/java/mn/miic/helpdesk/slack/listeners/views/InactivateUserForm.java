package mn.miic.helpdesk.slack.listeners.views;

import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.ModalInput;
import mn.miic.helpdesk.slack.ModalMetadata;
import mn.miic.helpdesk.slack.SlackApi;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.Text;

/** Inactivate: the guide's reasons, a note for "Other", and the help desk's written override of a guard. */
public final class InactivateUserForm extends AccountForm {

    private final AccountUseCases accounts;

    public InactivateUserForm(AccountUseCases accounts, Conversation conversation, SlackApi slack) {
        super(conversation, slack);
        this.accounts = accounts;
    }

    @Override
    public String callbackId() {
        return Ids.Callbacks.INACTIVATE_USER;
    }

    @Override
    Answer save(Actor actor, ModalInput input, ModalMetadata meta) {
        Account after = accounts.inactivate()
                .execute(
                        actor,
                        meta.username(),
                        reason(input),
                        input.text(Ids.Blocks.INACTIVATION_NOTE),
                        input.text(Ids.Blocks.OVERRIDE_REASON));
        return Answer.saved(() -> report(
                meta,
                ":white_check_mark: Inactivated " + Text.boldName(after) + " ("
                        + Text.escape(after.inactivationReason()) + "). `/miic reactivate " + after.username()
                        + "` undoes it."));
    }
}
