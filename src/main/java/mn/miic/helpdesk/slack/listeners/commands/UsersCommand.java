package mn.miic.helpdesk.slack.listeners.commands;

import java.util.List;
import java.util.Locale;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.store.StatusFilter;
import mn.miic.helpdesk.slack.SearchPage;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Searches;

/** {@code /miic users [--active|--inactive|--all] [name]}: the guide's search, by last name, first name or username. */
public final class UsersCommand implements Command {

    private final Searches searches;

    public UsersCommand(Searches searches) {
        this.searches = searches;
    }

    @Override
    public List<String> names() {
        return List.of("users", "search");
    }

    @Override
    public void handle(Turn turn, String arguments) {
        searches.show(turn, searchOf(arguments), false);
    }

    /** "users", "users mouse", "users --inactive mouse": the guide's Active / Inactive / All choice as a flag. */
    static SearchPage searchOf(String rest) {
        StatusFilter filter = StatusFilter.ALL;
        String text = rest;
        for (StatusFilter f : StatusFilter.values()) {
            String flag = "--" + f.name().toLowerCase(Locale.ROOT);
            if (text.toLowerCase(Locale.ROOT).startsWith(flag)) {
                filter = f;
                text = text.substring(flag.length()).trim();
            }
        }
        if (text.length() > 60) {
            throw Refusal.notAllowed("Search for a last name, first name or username: at most 60 characters.");
        }
        return new SearchPage(null, text, filter, 0);
    }
}
