package mn.miic.helpdesk.accounts.store;

import java.time.Instant;
import mn.miic.helpdesk.accounts.domain.AccountDetails;
import mn.miic.helpdesk.accounts.domain.AccountStatus;

/** What an insert needs beyond the form's fields. */
public record NewAccount(
        long organizationId,
        AccountDetails details,
        AccountStatus status,
        boolean locked,
        Instant lastSignInAt,
        Long createdBy) {}
