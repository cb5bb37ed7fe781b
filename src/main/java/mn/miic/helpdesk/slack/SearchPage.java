package mn.miic.helpdesk.slack;

import com.google.gson.Gson;
import java.util.Optional;
import mn.miic.helpdesk.accounts.store.StatusFilter;

/**
 * Which page of which search a Previous / Next button asks for.
 *
 * @param duaBefore only accounts whose user DUA is older than this date (YYYY-MM-DD) or missing; null for all
 */
public record SearchPage(String org, String text, StatusFilter filter, int page, String duaBefore) {

    private static final Gson GSON = new Gson();

    public SearchPage(String org, String text, StatusFilter filter, int page) {
        this(org, text, filter, page, null);
    }

    public SearchPage withPage(int other) {
        return new SearchPage(org, text, filter, other, duaBefore);
    }

    /** The user DUA cut-off as a date; a value that does not read as one (an edited button) is no cut-off. */
    public java.time.LocalDate duaBeforeDate() {
        try {
            return duaBefore == null ? null : java.time.LocalDate.parse(duaBefore);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    public String encode() {
        return GSON.toJson(this);
    }

    public static Optional<SearchPage> decode(String value) {
        try {
            SearchPage page = GSON.fromJson(value, SearchPage.class);
            return Optional.ofNullable(page).filter(p -> p.filter != null && p.page >= 0);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
