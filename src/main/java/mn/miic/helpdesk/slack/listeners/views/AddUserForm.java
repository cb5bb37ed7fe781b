package mn.miic.helpdesk.slack.listeners.views;

import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.ModalInput;
import mn.miic.helpdesk.slack.ModalMetadata;
import mn.miic.helpdesk.slack.SlackApi;
import mn.miic.helpdesk.slack.listeners.Conversation;

/** Add User: the account is saved with a temporary password; the outbox reports it once the password has gone. */
public final class AddUserForm extends AccountForm {

    private final AccountUseCases accounts;

    public AddUserForm(AccountUseCases accounts, Conversation conversation, SlackApi slack) {
        super(conversation, slack);
        this.accounts = accounts;
    }

    @Override
    public String callbackId() {
        return Ids.Callbacks.ADD_USER;
    }

    @Override
    Answer save(Actor actor, ModalInput input, ModalMetadata meta) {
        accounts.add().execute(actor, meta.org(), input.form());
        return Answer.saved(() -> {});
    }
}
