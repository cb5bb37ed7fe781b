package mn.miic.helpdesk.slack.listeners.views;

import java.util.stream.Collectors;
import mn.miic.helpdesk.accounts.usecases.AccountEdit;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.accounts.usecases.EditAccount;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.ModalInput;
import mn.miic.helpdesk.slack.ModalMetadata;
import mn.miic.helpdesk.slack.SlackApi;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.Text;

/** Edit User: every field of the guide's form, the status and the lock, saved against the version it showed. */
public final class EditUserForm extends AccountForm {

    private final AccountUseCases accounts;

    public EditUserForm(AccountUseCases accounts, Conversation conversation, SlackApi slack) {
        super(conversation, slack);
        this.accounts = accounts;
    }

    @Override
    public String callbackId() {
        return Ids.Callbacks.EDIT_USER;
    }

    @Override
    Answer save(Actor actor, ModalInput input, ModalMetadata meta) {
        AccountEdit edit = new AccountEdit(
                meta.version() == null ? -1 : meta.version(),
                input.form(),
                !Ids.Options.INACTIVE.equals(input.text(Ids.Blocks.STATUS)),
                Ids.Options.LOCKED.equals(input.text(Ids.Blocks.LOCKED)),
                reason(input),
                input.text(Ids.Blocks.INACTIVATION_NOTE),
                input.text(Ids.Blocks.OVERRIDE_REASON));
        EditAccount.Result result = accounts.edit().execute(actor, meta.username(), edit);
        return Answer.saved(() -> {
            if (!result.changedAnything()) {
                report(meta, "Nothing to save: " + Text.boldName(result.account()) + " is unchanged.");
                return;
            }
            String fields = result.changes().keySet().stream()
                    .map(k -> k.replace('_', ' '))
                    .collect(Collectors.joining(", "));
            report(meta, ":white_check_mark: Saved " + Text.boldName(result.account()) + ": " + fields + ".");
        });
    }
}
