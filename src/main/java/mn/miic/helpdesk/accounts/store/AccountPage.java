package mn.miic.helpdesk.accounts.store;

import java.util.List;
import mn.miic.helpdesk.accounts.domain.Account;

/** One page of search results, sorted by last name then first name. */
public record AccountPage(List<Account> accounts, int page, int pageSize, int total) {

    public int pages() {
        return total == 0 ? 1 : (total + pageSize - 1) / pageSize;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
