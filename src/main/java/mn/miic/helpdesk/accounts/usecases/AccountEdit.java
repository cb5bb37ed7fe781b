package mn.miic.helpdesk.accounts.usecases;

import mn.miic.helpdesk.accounts.domain.AccountForm;
import mn.miic.helpdesk.accounts.domain.InactivationReason;

/**
 * The Edit User form as submitted: the fields, the guide's Status (Active/Inactive) and Account Locked switches, the
 * version the administrator saw when the form opened, and, for the help desk, a written reason to pass a guard.
 */
public record AccountEdit(
        int expectedVersion,
        AccountForm form,
        boolean active,
        boolean locked,
        InactivationReason inactivationReason,
        String inactivationNote,
        String overrideReason) {}
