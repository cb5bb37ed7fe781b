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

    private static final String DUA_BEFORE = "--dua-before";

    /**
     * "users", "users mouse", "users --inactive mouse", "users --dua-before 2024-01-01 mouse": the guide's Active /
     * Inactive / All choice as a flag, and the accounts whose user DUA is older than a date (or not on file).
     */
    static SearchPage searchOf(String rest) {
        StatusFilter filter = StatusFilter.ALL;
        String duaBefore = null;
        List<String> words = new java.util.ArrayList<>();
        String[] typed = rest.isBlank() ? new String[0] : rest.trim().split("\\s+");
        for (int i = 0; i < typed.length; i++) {
            String word = typed[i].toLowerCase(Locale.ROOT);
            StatusFilter flag = flag(word);
            if (flag != null) {
                filter = flag;
            } else if (word.equals(DUA_BEFORE) || word.startsWith(DUA_BEFORE + "=")) {
                String date = word.contains("=")
                        ? word.substring(word.indexOf('=') + 1)
                        : i + 1 < typed.length ? typed[++i] : "";
                duaBefore = isoDate(date).toString();
            } else if (word.startsWith("--")) {
                throw Refusal.notAllowed("I don't know the option `" + typed[i].replace("`", "") + "`. Use `--active`,"
                        + " `--inactive`, `--all` or `--dua-before YYYY-MM-DD`.");
            } else {
                words.add(typed[i]);
            }
        }
        String text = String.join(" ", words);
        if (text.length() > 60) {
            throw Refusal.notAllowed("Search for a last name, first name or username: at most 60 characters.");
        }
        return new SearchPage(null, text, filter, 0, duaBefore);
    }

    private static StatusFilter flag(String word) {
        for (StatusFilter f : StatusFilter.values()) {
            if (word.equals("--" + f.name().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }

    private static java.time.LocalDate isoDate(String typed) {
        try {
            return java.time.LocalDate.parse(typed);
        } catch (java.time.format.DateTimeParseException e) {
            throw Refusal.notAllowed("`--dua-before` needs a date as YYYY-MM-DD, for example `/miic users --dua-before"
                    + " 2024-01-01`: the accounts whose user DUA is older than that day, or not on file.");
        }
    }
}
