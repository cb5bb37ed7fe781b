package mn.miic.helpdesk.slack.listeners;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.slack.Replies;
import mn.miic.helpdesk.slack.SearchPage;
import mn.miic.helpdesk.slack.SlackApi;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.views.AccountMessages;

/** A page of a search, typed ({@code /miic users mouse}) or paged (Previous, Next: in place of the page before). */
public final class Searches {

    private final AccountUseCases accounts;
    private final Conversation conversation;
    private final SlackApi slack;

    public Searches(AccountUseCases accounts, Conversation conversation, SlackApi slack) {
        this.accounts = accounts;
        this.conversation = conversation;
        this.slack = slack;
    }

    public void show(Turn turn, SearchPage page, boolean replace) {
        var result = accounts.search()
                .execute(
                        conversation.actor(turn),
                        page.org(),
                        page.text(),
                        page.filter(),
                        page.duaBeforeDate(),
                        page.page(),
                        AccountMessages.PAGE_SIZE);
        // A search of every organization stays one across its pages.
        SearchPage asked = new SearchPage(
                result.everywhere() ? null : result.organization().code(),
                page.text(),
                page.filter(),
                page.page(),
                page.duaBefore());
        List<LayoutBlock> blocks = AccountMessages.searchResults(result, asked);
        String text = AccountMessages.searchSummary(result);
        slack.respond(turn.responseUrl(), replace ? Replies.replacing(blocks, text) : Replies.ephemeral(blocks, text));
    }
}
