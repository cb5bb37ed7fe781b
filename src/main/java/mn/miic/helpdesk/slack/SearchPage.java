package mn.miic.helpdesk.slack;

import com.google.gson.Gson;
import java.util.Optional;
import mn.miic.helpdesk.accounts.store.StatusFilter;

/** Which page of which search a Previous / Next button asks for. */
public record SearchPage(String org, String text, StatusFilter filter, int page) {

    private static final Gson GSON = new Gson();

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
