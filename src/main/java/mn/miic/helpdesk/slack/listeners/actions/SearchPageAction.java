package mn.miic.helpdesk.slack.listeners.actions;

import java.util.List;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.SearchPage;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Searches;

/** Previous and Next of a search: the page asked for, in place of the one shown. */
public final class SearchPageAction implements Action {

    private final Searches searches;

    public SearchPageAction(Searches searches) {
        this.searches = searches;
    }

    @Override
    public List<String> actionIds() {
        return List.of(Ids.Actions.SEARCH_PREVIOUS, Ids.Actions.SEARCH_NEXT);
    }

    @Override
    public void handle(Turn turn, String value) {
        searches.show(turn, SearchPage.decode(value).orElseThrow(AccountMenuAction::unreadable), true);
    }
}
