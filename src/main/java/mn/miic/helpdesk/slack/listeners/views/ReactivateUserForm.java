package mn.miic.helpdesk.slack.listeners.views;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import mn.miic.helpdesk.accounts.access.InvalidInput;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountFields;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.ModalInput;
import mn.miic.helpdesk.slack.ModalMetadata;
import mn.miic.helpdesk.slack.SlackApi;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.Text;

/** Reactivating a time-limited account: a new last day of access (today or later), or none. */
public final class ReactivateUserForm extends AccountForm {

    private final AccountUseCases accounts;

    public ReactivateUserForm(AccountUseCases accounts, Conversation conversation, SlackApi slack) {
        super(conversation, slack);
        this.accounts = accounts;
    }

    @Override
    public String callbackId() {
        return Ids.Callbacks.REACTIVATE_USER;
    }

    @Override
    Answer save(Actor actor, ModalInput input, ModalMetadata meta) {
        Account after = accounts.reactivate().execute(actor, meta.username(), lastDay(input));
        return Answer.saved(() -> report(
                meta,
                ":white_check_mark: Reactivated " + Text.boldName(after) + ", "
                        + (after.accessUntil() == null
                                ? "with no end to its access."
                                : "with access until " + Text.date(after.accessUntil()) + ".")));
    }

    private static LocalDate lastDay(ModalInput input) {
        String picked = input.text(Ids.Blocks.ACCESS_UNTIL);
        if (picked == null || picked.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(picked.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(AccountFields.ACCESS_UNTIL, "Pick the new last day of access, or leave it empty.");
        }
    }
}
