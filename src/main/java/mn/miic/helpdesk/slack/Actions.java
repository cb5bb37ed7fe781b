package mn.miic.helpdesk.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.slack.views.AccountMessages;

/** Buttons and menu items. What they carry is only a wish: each click is authorized again by its flow. */
public final class Actions {

    private final AccountFlows flows;
    private final RequestFlows requests;
    private final SlackApi slack;

    public Actions(AccountFlows flows, RequestFlows requests, SlackApi slack) {
        this.flows = flows;
        this.requests = requests;
        this.slack = slack;
    }

    public void handle(Turn turn, BlockActionPayload.Action action) {
        String id = action.getActionId();
        String value =
                action.getSelectedOption() != null ? action.getSelectedOption().getValue() : action.getValue();
        if (id.startsWith(Ids.SEARCH_PAGE)) {
            SearchPage page = SearchPage.decode(value).orElseThrow(Actions::unreadable);
            flows.search(turn, page, true);
        } else if (id.equals(Ids.CONFIRM)) {
            AccountOp.Value v =
                    AccountOp.Value.decode(value).filter(x -> x.nonce() != null).orElseThrow(Actions::unreadable);
            flows.confirmed(turn, v.op(), v.username(), v.nonce());
        } else if (id.equals(Ids.CANCEL)) {
            slack.respond(
                    turn.responseUrl(),
                    Replies.replacing(AccountMessages.say("Cancelled. Nothing was changed."), "Cancelled"));
        } else if (id.equals(Ids.REQUEST_APPROVE)) {
            requests.approve(turn, requestId(value));
        } else if (id.equals(Ids.REQUEST_DENY)) {
            requests.openDeny(turn, requestId(value));
        } else if (id.equals(Ids.REQUEST_CLAIM)) {
            requests.claim(turn, requestId(value));
        } else if (id.startsWith(Ids.REQUEST_ASK)) {
            requests.ask(turn, value, null);
        } else if (id.startsWith(Ids.ACCOUNT_ACTION)) {
            AccountOp.Value v = AccountOp.Value.decode(value).orElseThrow(Actions::unreadable);
            flows.start(turn, v.op(), v.username());
        }
    }

    private static long requestId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw unreadable();
        }
    }

    private static Refusal unreadable() {
        return Refusal.notAllowed("That button is from an older version of this message. Run the command again.");
    }
}
