package mn.miic.helpdesk.slack.listeners.commands;

import java.util.List;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.slack.ModalMetadata;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.AccountModals;

/** {@code /miic add [CODE]}: the Add User form, with only the roles this person may give. */
public final class AddCommand implements Command {

    private final AccountUseCases accounts;
    private final Conversation conversation;

    public AddCommand(AccountUseCases accounts, Conversation conversation) {
        this.accounts = accounts;
        this.conversation = conversation;
    }

    @Override
    public List<String> names() {
        return List.of("add");
    }

    @Override
    public void handle(Turn turn, String orgCode) {
        var form = accounts.forms().forAdd(conversation.actor(turn), orgCode.isEmpty() ? null : orgCode);
        String meta = new ModalMetadata(null, null, form.organization().code(), turn.responseUrl()).encode();
        conversation.open(turn, AccountModals.add(form, meta));
    }
}
