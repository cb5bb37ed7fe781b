package mn.miic.helpdesk.support;

import java.time.Instant;
import java.util.List;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.lifecycle.InactivitySweep;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.requests.Approver;

/** An inactivity sweep's notices that go nowhere: for runs that look only at what it did to the accounts. */
public final class NobodyTold implements InactivitySweep.Notices {
    @Override
    public void expired(Organization organization, List<Account> accounts, List<Approver> administrators) {}

    @Override
    public void warned(Account account, Instant expiresAt, int daysBefore) {}

    @Override
    public void lastAdministratorGone(Organization organization, List<Account> expiredAdministrators) {}
}
