package mn.miic.helpdesk.accounts.usecases;

import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.password.TemporaryPassword;
import mn.miic.helpdesk.organizations.Organization;

/**
 * The result of an add or a reset: the account as stored, the temporary password to deliver once, and the handle to
 * undo it if delivery fails.
 */
public record IssuedPassword(
        Account account, Organization organization, TemporaryPassword password, PasswordIssue undo) {}
