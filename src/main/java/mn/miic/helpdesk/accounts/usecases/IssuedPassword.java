package mn.miic.helpdesk.accounts.usecases;

import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.password.TemporaryPassword;
import mn.miic.helpdesk.organizations.Organization;

/**
 * The result of an add or a reset: the account as stored, and the outbox message that delivers its temporary password.
 * The password is here for the use case's own tests; nothing shows it but that one delivery.
 */
public record IssuedPassword(Account account, Organization organization, TemporaryPassword password, long delivery) {}
