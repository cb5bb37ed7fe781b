package mn.miic.helpdesk.accounts.access;

import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.organizations.Organization;

/**
 * The person asking, as the store sees them at this moment: their account, its home organization and the
 * organizations they reach. Built fresh for every action, never taken from what a message once showed.
 */
public record Requester(Account account, Organization home, Reach reach) {

    /** An administrator of the MIIC program's own organization: the help desk, which may act anywhere. */
    public boolean isHelpDesk() {
        return isHelpDesk(account, home);
    }

    public static boolean isHelpDesk(Account account, Organization home) {
        return home.isHelpDesk() && account.managesUsers();
    }

    public boolean isManager() {
        return account.managesUsers();
    }

    public boolean is(Account other) {
        return account.id() == other.id();
    }
}
